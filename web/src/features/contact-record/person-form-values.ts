import type { AddressInput, EmailInput, PhoneInput } from '@parterre/contract/contacts';
import {
  type CustomFieldFormValues,
  customFieldFormValues,
  isEmptyValue,
  toApiValue,
} from '../custom-fields/custom-field-values';
import type { CustomField } from '../custom-fields/custom-fields-api';
import type { CreatePersonInput, Person } from './contact-record-api';

export type EmailType = NonNullable<EmailInput['type']>;
export type PhoneType = NonNullable<PhoneInput['type']>;
export type AddressType = NonNullable<AddressInput['type']>;

export interface EmailValue {
  address: string;
  type: EmailType;
  primary: boolean;
}
export interface PhoneValue {
  number: string;
  type: PhoneType;
  primary: boolean;
}
export interface AddressValue {
  type: AddressType;
  primary: boolean;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
}

/** Coordinates shared by people and organisations. */
export interface CoordinateValues {
  emails: EmailValue[];
  phones: PhoneValue[];
  addresses: AddressValue[];
}

export interface PersonFormValues extends CoordinateValues {
  civility: string;
  firstName: string;
  lastName: string;
  usageName: string;
  birthDate: string | null;
  language: string | null;
  preferredChannel: string | null;
  departmentId: string | null;
  source: string;
  tags: string[];
  customFields: CustomFieldFormValues;
}

export const emptyEmail = (primary: boolean): EmailValue => ({ address: '', type: 'home', primary });
export const emptyPhone = (primary: boolean): PhoneValue => ({ number: '', type: 'mobile', primary });
export const emptyAddress = (primary: boolean): AddressValue => ({
  type: 'home',
  primary,
  line1: '',
  line2: '',
  postalCode: '',
  city: '',
  country: 'FR',
});

export function coordinatesToFormValues(
  record: Pick<Person, 'emails' | 'phones' | 'addresses'>,
): CoordinateValues {
  return {
    emails: record.emails.map((e) => ({ address: e.address, type: e.type, primary: e.primary })),
    phones: record.phones.map((p) => ({ number: p.national || p.e164, type: p.type, primary: p.primary })),
    addresses: record.addresses.map((a) => ({
      type: a.type,
      primary: a.primary,
      line1: a.line1 ?? '',
      line2: a.line2 ?? '',
      postalCode: a.postalCode ?? '',
      city: a.city ?? '',
      country: a.country === 'ZZ' ? '' : a.country,
    })),
  };
}

export function emptyPersonValues(fields: CustomField[]): PersonFormValues {
  return {
    civility: '',
    firstName: '',
    lastName: '',
    usageName: '',
    birthDate: null,
    language: 'fr',
    preferredChannel: null,
    departmentId: null,
    source: '',
    tags: [],
    emails: [emptyEmail(true)],
    phones: [],
    addresses: [],
    customFields: customFieldFormValues(fields, {}),
  };
}

export function personToFormValues(person: Person, fields: CustomField[]): PersonFormValues {
  return {
    civility: person.civility ?? '',
    firstName: person.firstName ?? '',
    lastName: person.lastName ?? '',
    usageName: person.usageName ?? '',
    birthDate: person.birthDate,
    language: person.language,
    preferredChannel: person.preferredChannel,
    departmentId: person.departmentId,
    source: person.source ?? '',
    tags: person.tags,
    ...coordinatesToFormValues(person),
    customFields: customFieldFormValues(fields, person.customFields, person.masked),
  };
}

const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Blank rows are dropped; the server makes the first one primary when none is. */
export function coordinatesToInput(values: CoordinateValues) {
  return {
    emails: values.emails
      .filter((e) => e.address.trim() !== '')
      .map((e) => ({ address: e.address.trim(), type: e.type, primary: e.primary })),
    phones: values.phones
      .filter((p) => p.number.trim() !== '')
      .map((p) => ({ number: p.number.trim(), type: p.type, primary: p.primary })),
    addresses: values.addresses
      .filter((a) => [a.line1, a.line2, a.postalCode, a.city].some((v) => v.trim() !== ''))
      .map((a) => ({
        type: a.type,
        primary: a.primary,
        line1: textOrNull(a.line1),
        line2: textOrNull(a.line2),
        postalCode: textOrNull(a.postalCode),
        city: textOrNull(a.city),
        country: textOrNull(a.country.toUpperCase()),
      })),
  };
}

/** Custom field values for the API: every field given, or only those named in `only`. */
export function customFieldsToInput(
  fields: CustomField[],
  values: CustomFieldFormValues,
  only?: (key: string) => boolean,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field.key in values) || (only && !only(field.key))) continue;
    const value = toApiValue(field, values[field.key]);
    if (only || !isEmptyValue(value)) result[field.key] = value;
  }
  return result;
}

/** The whole form as a creation request. */
export function personCreateInput(values: PersonFormValues, fields: CustomField[]): CreatePersonInput {
  return {
    civility: textOrNull(values.civility),
    firstName: textOrNull(values.firstName),
    lastName: textOrNull(values.lastName),
    usageName: textOrNull(values.usageName),
    birthDate: values.birthDate || null,
    language: values.language || null,
    preferredChannel: (values.preferredChannel || null) as CreatePersonInput['preferredChannel'],
    departmentId: values.departmentId || null,
    source: textOrNull(values.source),
    tags: values.tags,
    ...coordinatesToInput(values),
    customFields: customFieldsToInput(fields, values.customFields),
  };
}

/**
 * Only what changed since `base`, so that an update never rewrites a field the user did not touch.
 * `changed` lists field paths as given by `changedFields()`.
 */
export function personUpdateInput(
  values: PersonFormValues,
  fields: CustomField[],
  changed: string[],
): Record<string, unknown> {
  const full = personCreateInput(values, fields) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const path of changed) {
    if (!path.startsWith('customFields.')) patch[path] = full[path];
  }
  const customKeys = changed.filter((p) => p.startsWith('customFields.')).map((p) => p.slice(13));
  if (customKeys.length > 0) {
    patch.customFields = customFieldsToInput(fields, values.customFields, (key) => customKeys.includes(key));
  }
  return patch;
}
