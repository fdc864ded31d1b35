import { describe, expect, it } from 'vitest';
import type { Purpose } from './consent-api';
import {
  codeFromName,
  emptyPurposeValues,
  purposeValues,
  toCreateInput,
  toUpdateInput,
} from './purpose-form-values';

const purpose: Purpose = {
  id: '0190a0b0-0000-7000-8000-000000000001',
  code: 'lettre-information',
  name: { fr: 'Lettre d’information', en: 'Newsletter' },
  description: null,
  legalBasis: 'consent',
  channels: ['email'],
  retention: { text: '3 ans après le dernier contact actif', months: 36 },
  trackingAllowed: false,
  archived: false,
  currentWording: {
    id: '0190a0b0-0000-7000-8000-000000000002',
    version: 3,
    text: { fr: 'J’accepte.', en: null },
    createdAt: '2026-12-01T10:00:00.000Z',
    createdBy: null,
    createdByName: null,
  },
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  version: 4,
};

describe('purpose form values', () => {
  it('proposes a code from the name, without accents or punctuation', () => {
    expect(codeFromName('Lettre d’information')).toBe('lettre-d-information');
    expect(codeFromName('  Mécénat & entreprises ')).toBe('mecenat-entreprises');
  });

  it('sends empty English texts, description and months as none', () => {
    const input = toCreateInput({
      ...emptyPurposeValues,
      code: 'avant-premieres',
      name: { fr: 'Avant-premières', en: ' ' },
      retention: { text: '3 ans', months: '' },
      wording: { fr: 'J’accepte.', en: '' },
    });
    expect(input).toMatchObject({
      code: 'avant-premieres',
      name: { fr: 'Avant-premières', en: null },
      description: null,
      retention: { text: '3 ans', months: null },
      wording: { fr: 'J’accepte.', en: null },
    });
  });

  it('round-trips a purpose through the form without changing its wording', () => {
    const update = toUpdateInput(purposeValues(purpose));
    expect(update).toEqual({
      name: purpose.name,
      description: null,
      legalBasis: 'consent',
      channels: ['email'],
      retention: purpose.retention,
      trackingAllowed: false,
      wording: purpose.currentWording.text,
    });
    expect(update).not.toHaveProperty('code');
  });
});
