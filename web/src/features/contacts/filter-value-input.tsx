import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { FilterOp, FilterRule } from '@parterre/contract/contact-lists';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useAllDepartments } from '../departments/use-departments';
import { coordinateStatuses, type FilterField, needsValue, takesList } from './contact-fields';

type Value = FilterRule['value'];

interface FilterValueInputProps {
  field: FilterField;
  op: FilterOp;
  value: Value;
  onChange: (value: Value) => void;
  /** Accessible name, e.g. "Valeur de la condition 2". */
  label: string;
}

const asString = (value: Value) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';
const asStrings = (value: Value) => (Array.isArray(value) ? value.map(String) : []);

/** "25/12/2024" (or "2024-12-25") → "2024-12-25"; anything else is not a date yet. */
function parseFrenchDate(input: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (iso) return input.trim();
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(input.trim());
  if (!fr) return null;
  const [, day, month, year] = fr;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(date)) ? null : date;
}

function DateValueInput({ value, onChange, label }: Omit<FilterValueInputProps, 'field' | 'op'>) {
  const { t } = useTranslation();
  return (
    <DateInput
      aria-label={label}
      placeholder={t('contacts.filters.datePlaceholder')}
      value={typeof value === 'string' ? value : null}
      onChange={(date) => onChange(date ?? undefined)}
      valueFormat="DD/MM/YYYY"
      dateParser={parseFrenchDate}
      locale={currentLanguage() === 'fr' ? 'fr' : 'en-gb'}
      ariaLabels={{
        nextMonth: t('contacts.filters.nextMonth'),
        previousMonth: t('contacts.filters.previousMonth'),
        nextYear: t('contacts.filters.nextYear'),
        previousYear: t('contacts.filters.previousYear'),
        nextDecade: t('contacts.filters.nextDecade'),
        previousDecade: t('contacts.filters.previousDecade'),
        monthLevelControl: t('contacts.filters.chooseMonth'),
        yearLevelControl: t('contacts.filters.chooseYear'),
      }}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      w={{ base: '100%', sm: 180 }}
    />
  );
}

/** The input a rule's value needs: text, number, date picker, yes/no, choices, tags or department. */
export function FilterValueInput({ field, op, value, onChange, label }: FilterValueInputProps) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  if (!needsValue(op)) return null;
  const list = takesList(op);
  const common = { 'aria-label': label, w: { base: '100%', sm: 260 } } as const;

  switch (field.kind) {
    case 'date':
      return <DateValueInput value={value} onChange={onChange} label={label} />;
    case 'boolean':
      return (
        <Select
          {...common}
          data={[
            { value: 'true', label: t('contacts.filters.yes') },
            { value: 'false', label: t('contacts.filters.no') },
          ]}
          value={typeof value === 'boolean' ? String(value) : null}
          onChange={(v) => onChange(v === null ? undefined : v === 'true')}
        />
      );
    case 'department': {
      const data = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
      return list ? (
        <MultiSelect {...common} data={data} value={asStrings(value)} onChange={onChange} searchable />
      ) : (
        <Select
          {...common}
          data={data}
          value={asString(value) || null}
          onChange={(v) => onChange(v ?? undefined)}
        />
      );
    }
    case 'status': {
      const data = coordinateStatuses.map((status) => ({
        value: status,
        label: t(`contacts.filters.statuses.${status}`),
      }));
      return list ? (
        <MultiSelect {...common} data={data} value={asStrings(value)} onChange={onChange} />
      ) : (
        <Select
          {...common}
          data={data}
          value={asString(value) || null}
          onChange={(v) => onChange(v ?? undefined)}
        />
      );
    }
    case 'choice':
    case 'multiChoice': {
      const data = field.options ?? [];
      return list ? (
        <MultiSelect {...common} data={data} value={asStrings(value)} onChange={onChange} searchable />
      ) : (
        <Select
          {...common}
          data={data}
          value={asString(value) || null}
          onChange={(v) => onChange(v ?? undefined)}
        />
      );
    }
    case 'number':
      return list ? (
        <TagsInput
          {...common}
          placeholder={t('contacts.filters.listPlaceholder')}
          value={asStrings(value)}
          onChange={(items) => onChange(items.map(Number).filter(Number.isFinite))}
        />
      ) : (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(n) => onChange(typeof n === 'number' ? n : undefined)}
          decimalSeparator=","
        />
      );
    default:
      return list ? (
        <TagsInput
          {...common}
          placeholder={t('contacts.filters.listPlaceholder')}
          value={asStrings(value)}
          onChange={onChange}
        />
      ) : (
        <TextInput {...common} value={asString(value)} onChange={(e) => onChange(e.currentTarget.value)} />
      );
  }
}
