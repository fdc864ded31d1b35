import { Autocomplete, Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { productionKindSchema } from '@parterre/contract/ticketing';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueFormConfig } from './catalogue-form-modal';
import { CatalogueTab } from './catalogue-tab';
import { SeasonFilter } from './season-filter';
import type { Production } from './ticketing-api';
import { useAllCatalogue } from './use-ticketing';

type ProductionValues = {
  title: string;
  kind: Production['kind'];
  discipline: string;
  seasonId: string | null;
};

const disciplines = [
  'Théâtre',
  'Danse',
  'Musique',
  'Opéra',
  'Cirque',
  'Jeune public',
  'Arts plastiques',
  'Photographie',
  'Patrimoine',
  'Cinéma',
];

function ProductionFields({ form }: { form: UseFormReturnType<ProductionValues> }) {
  const { t } = useTranslation();
  const seasons = useAllCatalogue('seasons');
  return (
    <>
      <TextInput
        label={t('ticketing.productions.name')}
        required
        data-autofocus
        {...form.getInputProps('title')}
      />
      <Select
        label={t('ticketing.productions.kind')}
        data={productionKindSchema.options.map((kind) => ({
          value: kind,
          label: t(`ticketing.kinds.${kind}`),
        }))}
        allowDeselect={false}
        {...form.getInputProps('kind')}
      />
      <Autocomplete
        label={t('ticketing.productions.discipline')}
        description={t('ticketing.productions.disciplineHelp')}
        data={disciplines}
        {...form.getInputProps('discipline')}
      />
      <Select
        label={t('ticketing.productions.season')}
        data={(seasons.data ?? []).map((season) => ({ value: season.id, label: season.name }))}
        clearable
        searchable
        {...form.getInputProps('seasonId')}
      />
    </>
  );
}

const productionForm: CatalogueFormConfig<'productions', ProductionValues> = {
  empty: { title: '', kind: 'spectacle', discipline: '', seasonId: null },
  fromRow: (row) => ({
    title: row.title,
    kind: row.kind,
    discipline: row.discipline ?? '',
    seasonId: row.seasonId,
  }),
  toInput: (values) => ({
    title: values.title,
    kind: values.kind,
    discipline: values.discipline.trim() || null,
    seasonId: values.seasonId,
  }),
  Fields: ProductionFields,
};

/** « Spectacles et expositions »: what is programmed, by discipline and season. */
export function ProductionsTab() {
  const { t } = useTranslation();
  const [seasonId, setSeasonId] = useState<string | null>(null);
  const seasons = useAllCatalogue('seasons');
  const seasonName = (id: string | null) => seasons.data?.find((s) => s.id === id)?.name ?? '—';
  return (
    <CatalogueTab
      kind="productions"
      labels="ticketing.productions"
      nameTitle={t('ticketing.productions.name')}
      nameOf={(row) => row.title}
      form={productionForm}
      filters={seasonId ? { seasonId } : {}}
      toolbar={<SeasonFilter value={seasonId} onChange={setSeasonId} />}
      columns={[
        {
          accessor: 'kind',
          title: t('ticketing.productions.kind'),
          render: (row) => t(`ticketing.kinds.${row.kind}`),
        },
        {
          accessor: 'discipline',
          title: t('ticketing.productions.discipline'),
          render: (row) => row.discipline ?? '—',
        },
        {
          accessor: 'seasonId',
          title: t('ticketing.productions.season'),
          visibleMediaQuery: '(min-width: 48em)',
          render: (row) => seasonName(row.seasonId),
        },
      ]}
    />
  );
}
