import { Select, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { priceCategoryKindSchema } from '@parterre/contract/ticketing';
import { useTranslation } from 'react-i18next';
import type { CatalogueFormConfig } from './catalogue-form-modal';
import { CatalogueTab } from './catalogue-tab';
import type { PriceCategory } from './ticketing-api';

type PriceCategoryValues = { label: string; kind: PriceCategory['kind'] | null };

function PriceCategoryFields({ form }: { form: UseFormReturnType<PriceCategoryValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('ticketing.priceCategories.name')}
        description={t('ticketing.priceCategories.nameHelp')}
        required
        data-autofocus
        {...form.getInputProps('label')}
      />
      <Select
        label={t('ticketing.priceCategories.kind')}
        description={t('ticketing.priceCategories.kindHelp')}
        placeholder={t('ticketing.priceCategories.kindInferred')}
        data={priceCategoryKindSchema.options.map((kind) => ({
          value: kind,
          label: t(`ticketing.priceKinds.${kind}`),
        }))}
        clearable
        {...form.getInputProps('kind')}
      />
    </>
  );
}

const priceCategoryForm: CatalogueFormConfig<'price-categories', PriceCategoryValues> = {
  empty: { label: '', kind: null },
  fromRow: (row) => ({ label: row.label, kind: row.kind }),
  toInput: (values) => ({ label: values.label, ...(values.kind ? { kind: values.kind } : {}) }),
  Fields: PriceCategoryFields,
};

/** « Tarifs »: plein, réduit, jeune, scolaire, invitation, abonnement… */
export function PriceCategoriesTab() {
  const { t } = useTranslation();
  return (
    <CatalogueTab
      kind="price-categories"
      labels="ticketing.priceCategories"
      nameTitle={t('ticketing.priceCategories.name')}
      nameOf={(row) => row.label}
      form={priceCategoryForm}
      columns={[
        {
          accessor: 'kind',
          title: t('ticketing.priceCategories.kind'),
          render: (row) => t(`ticketing.priceKinds.${row.kind}`),
        },
        {
          accessor: 'code',
          title: t('ticketing.priceCategories.code'),
          visibleMediaQuery: '(min-width: 48em)',
          render: (row) => (
            <Text size="sm" ff="monospace">
              {row.code}
            </Text>
          ),
        },
      ]}
    />
  );
}
