import {
  type CoordinateValues,
  coordinatesToFormValues,
  coordinatesToInput,
  customFieldsToInput,
} from '../contact-record/person-form-values';
import { type CustomFieldFormValues, customFieldFormValues } from '../custom-fields/custom-field-values';
import type { CustomField } from '../custom-fields/custom-fields-api';
import type { CreateOrganisationInput, Organisation, OrganisationType } from './organisations-api';

export interface OrganisationFormValues extends CoordinateValues {
  name: string;
  type: OrganisationType;
  siren: string;
  siret: string;
  website: string;
  departmentId: string | null;
  tags: string[];
  customFields: CustomFieldFormValues;
}

export function emptyOrganisationValues(fields: CustomField[]): OrganisationFormValues {
  return {
    name: '',
    type: 'entreprise',
    siren: '',
    siret: '',
    website: '',
    departmentId: null,
    tags: [],
    emails: [],
    phones: [],
    addresses: [],
    customFields: customFieldFormValues(fields, {}),
  };
}

export function organisationToFormValues(
  record: Organisation,
  fields: CustomField[],
): OrganisationFormValues {
  return {
    name: record.name,
    type: record.type,
    siren: record.siren ?? '',
    siret: record.siret ?? '',
    website: record.website ?? '',
    departmentId: record.departmentId,
    tags: record.tags,
    ...coordinatesToFormValues(record),
    customFields: customFieldFormValues(fields, record.customFields, record.masked),
  };
}

const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function organisationCreateInput(
  values: OrganisationFormValues,
  fields: CustomField[],
): CreateOrganisationInput {
  return {
    name: values.name.trim(),
    type: values.type,
    siren: textOrNull(values.siren),
    siret: textOrNull(values.siret),
    website: textOrNull(values.website),
    departmentId: values.departmentId || null,
    tags: values.tags,
    ...coordinatesToInput(values),
    customFields: customFieldsToInput(fields, values.customFields),
  };
}

/** Only the fields that changed (paths from `changedFields()`). */
export function organisationUpdateInput(
  values: OrganisationFormValues,
  fields: CustomField[],
  changed: string[],
): Record<string, unknown> {
  const full = organisationCreateInput(values, fields) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const path of changed) if (!path.startsWith('customFields.')) patch[path] = full[path];
  const keys = changed.filter((p) => p.startsWith('customFields.')).map((p) => p.slice(13));
  if (keys.length)
    patch.customFields = customFieldsToInput(fields, values.customFields, (k) => keys.includes(k));
  return patch;
}
