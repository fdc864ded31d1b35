import type {
  CreateCustomFieldInput,
  CustomField,
  CustomFieldEntity,
  CustomFieldType,
  UpdateCustomFieldInput,
} from '@parterre/contract/custom-fields';
import { apiRequest } from '../../app/api-client';

export type {
  CreateCustomFieldInput,
  CustomField,
  CustomFieldEntity,
  CustomFieldType,
  UpdateCustomFieldInput,
};

export const customFieldTypes: CustomFieldType[] = [
  'text',
  'long_text',
  'number',
  'date',
  'boolean',
  'choice',
  'multi_choice',
  'url',
  'email',
  'phone',
];

export const hasOptions = (type: CustomFieldType) => type === 'choice' || type === 'multi_choice';

/** Definitions in display order (position, then label). */
export async function listCustomFields(entity?: CustomFieldEntity): Promise<CustomField[]> {
  const { data } = await apiRequest<{ data: CustomField[] }>('GET', '/custom-fields', { query: { entity } });
  return [...data].sort((a, b) => a.position - b.position || a.label.localeCompare(b.label, 'fr'));
}

export function createCustomField(input: CreateCustomFieldInput): Promise<CustomField> {
  return apiRequest('POST', '/custom-fields', { body: input });
}

export function updateCustomField(
  id: string,
  version: number,
  patch: UpdateCustomFieldInput,
): Promise<CustomField> {
  return apiRequest('PATCH', `/custom-fields/${encodeURIComponent(id)}`, { body: patch, ifMatch: version });
}

export async function deleteCustomField(id: string): Promise<void> {
  await apiRequest('DELETE', `/custom-fields/${encodeURIComponent(id)}`);
}
