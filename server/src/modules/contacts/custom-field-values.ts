import type { CustomField } from '@parterre/contract/custom-fields';
import { normaliseEmail, normalisePhone } from './contact-normalisation.ts';
import type { FieldErrors } from './contacts.errors.ts';

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Checks one value against its definition: the cleaned value, or the error code. */
function cleanValue(field: CustomField, value: unknown): { value: unknown } | { code: string } {
  switch (field.type) {
    case 'text':
    case 'long_text': {
      const max = field.type === 'text' ? 1000 : 20_000;
      return typeof value === 'string' && value.length <= max
        ? { value: value.trim() }
        : { code: 'custom_fields.expected_text' };
    }
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number)
        ? { value: number }
        : { code: 'custom_fields.expected_number' };
    }
    case 'date':
      return typeof value === 'string' && isIsoDate(value)
        ? { value }
        : { code: 'custom_fields.expected_date' };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { code: 'custom_fields.expected_boolean' };
    case 'choice':
      return typeof value === 'string' && field.options.includes(value)
        ? { value }
        : { code: 'custom_fields.not_an_option' };
    case 'multi_choice':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && field.options.includes(v))
        ? { value: [...new Set(value)] }
        : { code: 'custom_fields.not_an_option' };
    case 'url':
      return typeof value === 'string' && isWebUrl(value.trim())
        ? { value: value.trim() }
        : { code: 'custom_fields.invalid_url' };
    case 'email': {
      const result = typeof value === 'string' ? normaliseEmail(value) : undefined;
      return result?.ok ? { value: result.value } : { code: 'contacts.invalid_email' };
    }
    case 'phone': {
      const result = typeof value === 'string' ? normalisePhone(value) : undefined;
      return result?.ok ? { value: result.e164 } : { code: 'contacts.invalid_phone' };
    }
  }
}

/**
 * Validates the given values against the definitions and merges them into `existing` (`null` clears a
 * key). Required fields must be filled on create and cannot be cleared later. Returns undefined when
 * there is nothing to write.
 */
export function validateCustomFieldValues(
  definitions: CustomField[],
  given: Record<string, unknown> | undefined,
  options: {
    errors: FieldErrors;
    path: string;
    isCreate: boolean;
    existing?: Record<string, unknown>;
    /** Imports create records that a form would refuse: required fields are not enforced. */
    skipRequired?: boolean;
  },
): Record<string, unknown> | undefined {
  if (!given && !options.isCreate) return undefined;
  const byKey = new Map(definitions.map((field) => [field.key, field]));
  const merged: Record<string, unknown> = { ...(options.existing ?? {}) };
  for (const [key, value] of Object.entries(given ?? {})) {
    const field = byKey.get(key);
    const path = `${options.path}.${key}`;
    if (!field) {
      options.errors.add(path, 'custom_fields.unknown');
      continue;
    }
    if (isEmpty(value)) {
      if (field.required) options.errors.add(path, 'custom_fields.required');
      delete merged[key];
      continue;
    }
    const result = cleanValue(field, value);
    if ('code' in result) options.errors.add(path, result.code);
    else merged[key] = result.value;
  }
  if (options.isCreate && !options.skipRequired) {
    for (const field of definitions) {
      if (field.required && isEmpty(merged[field.key]) && !(given && field.key in given)) {
        options.errors.add(`${options.path}.${field.key}`, 'custom_fields.required');
      }
    }
  }
  return merged;
}

/** Only defined fields are shown; sensitive ones are withheld from callers who may not see them. */
export function maskCustomFields(
  definitions: CustomField[],
  values: Record<string, unknown>,
  canSeeSensitive: boolean,
): { values: Record<string, unknown>; masked: string[] } {
  const shown: Record<string, unknown> = {};
  const masked: string[] = [];
  for (const field of definitions) {
    if (!(field.key in values)) continue;
    if (field.sensitive && !canSeeSensitive) masked.push(`customFields.${field.key}`);
    else shown[field.key] = values[field.key];
  }
  return { values: shown, masked };
}
