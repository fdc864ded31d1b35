import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from './contact-record-api';
import { useContactSearch } from './use-contact-record';

interface RecordPickerProps {
  label: string;
  kind: SearchResult['kind'];
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Left out of the results (the record being edited). */
  excludeId?: string;
  error?: string;
  required?: boolean;
}

/** Searchable select of people or organisations, backed by GET /search. */
export function RecordPicker({
  label,
  kind,
  value,
  onChange,
  excludeId,
  error,
  required,
}: RecordPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const results = useContactSearch(q);
  const options = (results.data ?? [])
    .filter((r) => r.kind === kind && r.id !== excludeId)
    .map((r) => ({ value: r.id, label: r.sublabel ? `${r.label} — ${r.sublabel}` : r.label }));
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift(picked);

  return (
    <Select
      label={label}
      description={t('contactRecord.pickerHelp')}
      required={required}
      error={error}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options}
      value={value ?? null}
      onChange={(id, option) => {
        setPicked(id && option ? { value: id, label: option.label } : null);
        onChange?.(id);
      }}
      nothingFoundMessage={q.length >= 2 ? t('contactRecord.pickerNothing') : t('contactRecord.pickerType')}
    />
  );
}
