import { NumberInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import type { CatalogueFormConfig } from './catalogue-form-modal';
import { CatalogueTab } from './catalogue-tab';
import { optionalNumber } from './catalogue-values';

type VenueValues = { name: string; city: string; capacity: number | string };

function VenueFields({ form }: { form: UseFormReturnType<VenueValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('ticketing.venues.name')} required data-autofocus {...form.getInputProps('name')} />
      <TextInput label={t('ticketing.venues.city')} {...form.getInputProps('city')} />
      <NumberInput
        label={t('ticketing.venues.capacity')}
        description={t('ticketing.venues.capacityHelp')}
        allowDecimal={false}
        thousandSeparator=" "
        {...form.getInputProps('capacity')}
      />
    </>
  );
}

const venueForm: CatalogueFormConfig<'venues', VenueValues> = {
  empty: { name: '', city: '', capacity: '' },
  fromRow: (row) => ({ name: row.name, city: row.city ?? '', capacity: row.capacity ?? '' }),
  toInput: (values) => ({
    name: values.name,
    city: values.city.trim() || null,
    capacity: optionalNumber(values.capacity),
  }),
  Fields: VenueFields,
};

/** « Lieux »: the venues, rooms and sites where performances happen. */
export function VenuesTab() {
  const { t } = useTranslation();
  return (
    <CatalogueTab
      kind="venues"
      labels="ticketing.venues"
      nameTitle={t('ticketing.venues.name')}
      nameOf={(row) => row.name}
      form={venueForm}
      columns={[
        { accessor: 'city', title: t('ticketing.venues.city'), render: (row) => row.city ?? '—' },
        {
          accessor: 'capacity',
          title: t('ticketing.venues.capacity'),
          textAlign: 'right',
          render: (row) => (row.capacity === null ? '—' : formatNumber(row.capacity)),
        },
      ]}
    />
  );
}
