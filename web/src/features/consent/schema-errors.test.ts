import { createPurposeInputSchema, recordConsentInputSchema } from '@parterre/contract/consent';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../app/i18n';
import { emptyPurposeValues, toCreateInput } from './purpose-form-values';
import { schemaErrors } from './schema-errors';

afterEach(async () => {
  await chooseLanguage('fr');
});

describe('schemaErrors', () => {
  it('puts each issue of an empty purpose under its input, in French', () => {
    const errors = schemaErrors(
      createPurposeInputSchema,
      toCreateInput({ ...emptyPurposeValues, channels: [] }),
    );
    expect(errors).toEqual({
      code: 'Ce champ est obligatoire',
      'name.fr': 'Ce champ est obligatoire',
      channels: 'Ce champ est obligatoire',
      'retention.text': 'Ce champ est obligatoire',
      'wording.fr': 'Ce champ est obligatoire',
    });
  });

  it('keeps the contract’s own message and localises zod’s generic ones', async () => {
    const values = {
      ...emptyPurposeValues,
      code: 'Lettre Info',
      name: { fr: 'Lettre', en: '' },
      retention: { text: '3 ans', months: 0 },
      wording: { fr: 'J’accepte.', en: '' },
    };
    const fr = schemaErrors(createPurposeInputSchema, toCreateInput(values));
    expect(fr.code).toBe('Code en minuscules, chiffres, « - » ou « _ »');
    expect(fr['retention.months']).toMatch(/^Trop petit/);
    await chooseLanguage('en');
    const en = schemaErrors(createPurposeInputSchema, toCreateInput(values));
    expect(en['retention.months']).toMatch(/^Too small/);
  });

  it('renames schema paths to the form’s and accepts a valid input', () => {
    const input = {
      purposeId: '0190a0b0-0000-7000-8000-000000000001',
      channel: 'email',
      status: 'granted',
      proof: { source: 'counter', detail: 'x'.repeat(2001) },
    };
    expect(Object.keys(schemaErrors(recordConsentInputSchema, input, { 'proof.detail': 'note' }))).toEqual([
      'note',
    ]);
    expect(schemaErrors(recordConsentInputSchema, { ...input, proof: { source: 'counter' } })).toEqual({});
    expect(
      schemaErrors(recordConsentInputSchema, { ...input, purposeId: null, proof: { source: 'counter' } }),
    ).toEqual({
      purposeId: 'Ce champ est obligatoire',
    });
  });
});
