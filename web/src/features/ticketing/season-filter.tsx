import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAllCatalogue } from './use-ticketing';

/** « Saison : toutes » or one season, to narrow a catalogue list. */
export function SeasonFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const seasons = useAllCatalogue('seasons');
  return (
    <Select
      label={t('ticketing.filters.season')}
      placeholder={t('ticketing.filters.allSeasons')}
      data={(seasons.data ?? []).map((season) => ({ value: season.id, label: season.name }))}
      value={value}
      onChange={onChange}
      clearable
      searchable
      w={{ base: '100%', xs: 240 }}
    />
  );
}
