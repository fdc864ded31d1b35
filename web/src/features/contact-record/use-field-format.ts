import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format';
import { formatPhone, isEmptyValue } from '../custom-fields/custom-field-values';
import type { CustomField } from '../custom-fields/custom-fields-api';
import { useAllDepartments } from '../departments/use-departments';
import { languageName } from './languages';
import type { AddressValue, EmailValue, PhoneValue } from './person-form-values';

/** Labels and plain-text values of form fields, for the conflict panel. */
export function useFieldFormat(fields: CustomField[], labelPrefix = 'contactRecord.fields') {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const custom = (path: string) =>
    path.startsWith('customFields.') ? fields.find((f) => f.key === path.slice(13)) : undefined;
  const primary = (item: { primary: boolean }) =>
    item.primary ? ` (${t('contactRecord.primary').toLowerCase()})` : '';

  const labelOf = (path: string) =>
    custom(path)?.label ?? t(`${labelPrefix}.${path}`, { defaultValue: path });

  const format = (path: string, value: unknown): string => {
    if (isEmptyValue(value)) return '—';
    const field = custom(path);
    if (field) {
      if (field.type === 'boolean') return value === true ? t('customFields.yes') : t('customFields.no');
      if (field.type === 'date') return formatDate(String(value));
      if (field.type === 'number' && typeof value === 'number') return formatNumber(value);
      if (field.type === 'phone') return formatPhone(String(value));
      return Array.isArray(value) ? value.join(', ') : String(value);
    }
    switch (path) {
      case 'emails':
        return (value as EmailValue[]).map((e) => `${e.address}${primary(e)}`).join('\n');
      case 'phones':
        return (value as PhoneValue[]).map((p) => `${p.number}${primary(p)}`).join('\n');
      case 'addresses':
        return (value as AddressValue[])
          .map(
            (a) =>
              `${[a.line1, a.line2, `${a.postalCode} ${a.city}`.trim(), a.country].filter(Boolean).join(', ')}${primary(a)}`,
          )
          .join('\n');
      case 'tags':
        return (value as string[]).join(', ');
      case 'birthDate':
        return formatDate(String(value));
      case 'departmentId':
        return departments.data?.find((d) => d.id === value)?.name ?? String(value);
      case 'language':
        return languageName(String(value));
      case 'preferredChannel':
        return t(`contactRecord.channels.${String(value)}`);
      case 'type':
        return t(`organisations.types.${String(value)}`);
      default:
        return String(value);
    }
  };
  return { labelOf, format };
}
