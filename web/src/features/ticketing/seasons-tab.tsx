import { TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { DateField } from '../../components/date-field';
import type { CatalogueFormConfig } from './catalogue-form-modal';
import { CatalogueTab } from './catalogue-tab';

type SeasonValues = { name: string; startsOn: string | null; endsOn: string | null };

function SeasonFields({ form }: { form: UseFormReturnType<SeasonValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('ticketing.seasons.name')}
        description={t('ticketing.seasons.nameHelp')}
        required
        data-autofocus
        {...form.getInputProps('name')}
      />
      <DateField label={t('ticketing.seasons.startsOn')} {...form.getInputProps('startsOn')} />
      <DateField label={t('ticketing.seasons.endsOn')} {...form.getInputProps('endsOn')} />
    </>
  );
}

const seasonForm: CatalogueFormConfig<'seasons', SeasonValues> = {
  empty: { name: '', startsOn: null, endsOn: null },
  fromRow: (row) => ({ name: row.name, startsOn: row.startsOn, endsOn: row.endsOn }),
  toInput: (values) => ({ name: values.name, startsOn: values.startsOn, endsOn: values.endsOn }),
  Fields: SeasonFields,
};

/** « Saisons »: programming years. */
export function SeasonsTab() {
  const { t } = useTranslation();
  return (
    <CatalogueTab
      kind="seasons"
      labels="ticketing.seasons"
      nameTitle={t('ticketing.seasons.name')}
      nameOf={(row) => row.name}
      form={seasonForm}
      columns={[
        {
          accessor: 'startsOn',
          title: t('ticketing.seasons.startsOn'),
          render: (row) => formatDate(row.startsOn),
        },
        { accessor: 'endsOn', title: t('ticketing.seasons.endsOn'), render: (row) => formatDate(row.endsOn) },
      ]}
    />
  );
}
