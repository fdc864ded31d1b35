import { NumberInput, Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../app/format';
import type { CatalogueFormConfig } from './catalogue-form-modal';
import { CatalogueTab } from './catalogue-tab';
import { fromLocalInput, optionalNumber, toLocalInput } from './catalogue-values';
import { SeasonFilter } from './season-filter';
import type { Performance } from './ticketing-api';
import { useAllCatalogue } from './use-ticketing';

type PerformanceValues = {
  productionId: string | null;
  venueId: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number | string;
};

function PerformanceFields({ form }: { form: UseFormReturnType<PerformanceValues> }) {
  const { t } = useTranslation();
  const productions = useAllCatalogue('productions');
  const venues = useAllCatalogue('venues');
  return (
    <>
      <Select
        label={t('ticketing.performances.production')}
        data={(productions.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
        searchable
        required
        data-autofocus
        {...form.getInputProps('productionId')}
      />
      <Select
        label={t('ticketing.performances.venue')}
        data={(venues.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        searchable
        clearable
        {...form.getInputProps('venueId')}
      />
      <TextInput
        type="datetime-local"
        label={t('ticketing.performances.startsAt')}
        {...form.getInputProps('startsAt')}
      />
      <TextInput
        type="datetime-local"
        label={t('ticketing.performances.endsAt')}
        description={t('ticketing.performances.endsAtHelp')}
        {...form.getInputProps('endsAt')}
      />
      <NumberInput
        label={t('ticketing.performances.capacity')}
        description={t('ticketing.performances.capacityHelp')}
        allowDecimal={false}
        thousandSeparator=" "
        {...form.getInputProps('capacity')}
      />
    </>
  );
}

const performanceForm: CatalogueFormConfig<'performances', PerformanceValues> = {
  empty: { productionId: null, venueId: null, startsAt: '', endsAt: '', capacity: '' },
  fromRow: (row) => ({
    productionId: row.productionId,
    venueId: row.venueId,
    startsAt: toLocalInput(row.startsAt),
    endsAt: toLocalInput(row.endsAt),
    capacity: row.capacity ?? '',
  }),
  toInput: (values) => ({
    // An empty choice is sent as is, so that the server names the missing field.
    productionId: values.productionId ?? '',
    venueId: values.venueId,
    startsAt: fromLocalInput(values.startsAt),
    endsAt: fromLocalInput(values.endsAt),
    capacity: optionalNumber(values.capacity),
  }),
  Fields: PerformanceFields,
};

/** « Représentations et créneaux », narrowed by season and production. */
export function PerformancesTab() {
  const { t } = useTranslation();
  const [seasonId, setSeasonId] = useState<string | null>(null);
  const [productionId, setProductionId] = useState<string | null>(null);
  const productions = useAllCatalogue('productions', seasonId ? { seasonId } : {});
  const allProductions = useAllCatalogue('productions');
  const venues = useAllCatalogue('venues');
  const title = (row: Performance) =>
    allProductions.data?.find((p) => p.id === row.productionId)?.title ?? '…';
  const venueName = (id: string | null) => venues.data?.find((v) => v.id === id)?.name ?? '—';
  const filters = productionId ? { productionId } : seasonId ? { seasonId } : {};

  return (
    <CatalogueTab
      kind="performances"
      labels="ticketing.performances"
      nameTitle={t('ticketing.performances.name')}
      nameOf={(row) => `${title(row)} — ${formatDateTime(row.startsAt)}`}
      form={performanceForm}
      filters={filters}
      toolbar={
        <>
          <SeasonFilter
            value={seasonId}
            onChange={(id) => {
              setSeasonId(id);
              setProductionId(null);
            }}
          />
          <Select
            label={t('ticketing.filters.production')}
            placeholder={t('ticketing.filters.allProductions')}
            data={(productions.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            value={productionId}
            onChange={setProductionId}
            clearable
            searchable
            w={{ base: '100%', xs: 280 }}
          />
        </>
      }
      columns={[
        {
          accessor: 'endsAt',
          title: t('ticketing.performances.endsAt'),
          visibleMediaQuery: '(min-width: 48em)',
          render: (row) => formatDateTime(row.endsAt),
        },
        {
          accessor: 'venueId',
          title: t('ticketing.performances.venue'),
          render: (row) => venueName(row.venueId),
        },
        {
          accessor: 'capacity',
          title: t('ticketing.performances.capacity'),
          textAlign: 'right',
          visibleMediaQuery: '(min-width: 36em)',
          render: (row) => (row.capacity === null ? '—' : formatNumber(row.capacity)),
        },
      ]}
    />
  );
}
