import type { CustomField } from './custom-fields-api';

/** What a custom field's input holds while editing. */
export type CustomFieldFormValue = string | number | boolean | string[] | null;
export type CustomFieldFormValues = Record<string, CustomFieldFormValue>;

/** A stored value → what its input shows. */
export function toFormValue(field: CustomField, value: unknown): CustomFieldFormValue {
  switch (field.type) {
    case 'boolean':
      return value === true;
    case 'number':
      return typeof value === 'number' ? value : '';
    case 'multi_choice':
      return Array.isArray(value) ? value.map(String) : [];
    case 'date':
    case 'choice':
      return typeof value === 'string' && value ? value : null;
    default:
      return typeof value === 'string' ? value : '';
  }
}

export function isEmptyValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** An input's content → the API value; `null` clears the field. */
export function toApiValue(field: CustomField, value: CustomFieldFormValue): unknown {
  if (field.type === 'boolean') return value === true;
  if (isEmptyValue(value)) return null;
  if (typeof value === 'string') return value.trim();
  return value;
}

/** Form values of every field not masked for the caller. */
export function customFieldFormValues(
  fields: CustomField[],
  stored: Record<string, unknown>,
  masked: string[] = [],
): CustomFieldFormValues {
  const values: CustomFieldFormValues = {};
  for (const field of fields) {
    if (!masked.includes(`customFields.${field.key}`))
      values[field.key] = toFormValue(field, stored[field.key]);
  }
  return values;
}

/** `+33612345678` → `06 12 34 56 78`; other numbers unchanged. */
export function formatPhone(e164: string): string {
  const french = /^\+33(\d{9})$/.exec(e164);
  if (!french) return e164;
  return `0${french[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** Errors for required fields left empty, keyed by form path (`customFields.<key>`). */
export function requiredFieldErrors(
  fields: CustomField[],
  values: CustomFieldFormValues,
  message: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    if (
      field.required &&
      field.type !== 'boolean' &&
      field.key in values &&
      isEmptyValue(values[field.key])
    ) {
      errors[`customFields.${field.key}`] = message;
    }
  }
  return errors;
}
