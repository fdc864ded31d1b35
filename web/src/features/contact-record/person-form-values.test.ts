import { describe, expect, it } from 'vitest';
import type { CustomField } from '../custom-fields/custom-fields-api';
import { changedFields } from './conflict';
import { emptyPersonValues, personCreateInput, personUpdateInput } from './person-form-values';

const field = (key: string, type: CustomField['type']): CustomField => ({
  id: key,
  entity: 'person',
  key,
  label: key,
  type,
  options: [],
  required: false,
  sensitive: false,
  position: 0,
  version: 1,
  createdAt: '',
  updatedAt: '',
});
const fields = [field('taille', 'text'), field('abonne', 'boolean')];

describe('person form values', () => {
  it('drops blank rows and empty custom fields on create', () => {
    const values = emptyPersonValues(fields);
    values.lastName = ' Durand ';
    values.emails = [
      { address: 'a@example.org', type: 'home', primary: true },
      { address: ' ', type: 'work', primary: false },
    ];
    const input = personCreateInput(values, fields);
    expect(input.lastName).toBe('Durand');
    expect(input.emails).toEqual([{ address: 'a@example.org', type: 'home', primary: true }]);
    expect(input.customFields).toEqual({ abonne: false });
  });

  it('sends only the changed fields on update, clearing emptied custom fields', () => {
    const base = emptyPersonValues(fields);
    base.customFields.taille = 'M';
    const values = { ...base, firstName: 'Camille', customFields: { ...base.customFields, taille: '' } };
    const patch = personUpdateInput(values, fields, changedFields(base, values));
    expect(patch).toEqual({ firstName: 'Camille', customFields: { taille: null } });
  });
});
