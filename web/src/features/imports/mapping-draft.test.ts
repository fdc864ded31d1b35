import type { IntakeMapping } from '@parterre/contract/intake';
import { mappingTargetSchema } from '@parterre/contract/intake';
import { describe, expect, it } from 'vitest';
import {
  draftFromMapping,
  duplicateTargets,
  mappingFromDraft,
  retarget,
  sameMapping,
  targetsByGroup,
  transformsFor,
} from './mapping-draft';

const preset: IntakeMapping = {
  source: 'french-venue',
  delimiter: ';',
  columns: {
    Reservation: 'order.externalId',
    'Date reservation': { target: 'order.date', transform: 'date', format: 'dd/MM/yyyy' },
    Prenom: 'person.firstName',
    Absente: 'person.email',
  },
};

describe('mapping drafts', () => {
  it('gives every header an entry, matching preset columns loosely and ignoring the others', () => {
    const draft = draftFromMapping(preset, ['Réservation', 'Date reservation', 'Prénom', 'Age']);
    expect(draft).toEqual({
      source: 'french-venue',
      delimiter: ';',
      columns: {
        Réservation: { target: 'order.externalId' },
        'Date reservation': { target: 'order.date', transform: 'date', format: 'dd/MM/yyyy' },
        Prénom: { target: 'person.firstName' },
        Age: { target: '' },
      },
    });
  });

  it('turns a draft back into the API mapping, leaving ignored columns out', () => {
    const draft = draftFromMapping(preset, ['Reservation', 'Date reservation', 'Prenom', 'Age']);
    expect(mappingFromDraft(draft)).toEqual({
      source: 'french-venue',
      delimiter: ';',
      columns: {
        Reservation: 'order.externalId',
        'Date reservation': { target: 'order.date', transform: 'date', format: 'dd/MM/yyyy' },
        Prenom: 'person.firstName',
      },
    });
  });

  it('keeps a transform only where the new target accepts it, and proposes a date format', () => {
    expect(retarget({ target: 'line.amount', transform: 'cents' }, 'order.total')).toEqual({
      target: 'order.total',
      transform: 'cents',
    });
    expect(retarget({ target: 'line.amount', transform: 'cents' }, 'person.lastName')).toEqual({
      target: 'person.lastName',
    });
    expect(retarget({ target: 'person.lastName' }, 'person.birthDate')).toEqual({
      target: 'person.birthDate',
      format: 'dd/MM/yyyy',
    });
    expect(retarget({ target: 'order.date', format: 'ISO' }, '')).toEqual({ target: '' });
  });

  it('flags a target chosen for two columns', () => {
    const draft = draftFromMapping({ source: 'x', columns: { A: 'person.email', B: 'person.email' } }, [
      'A',
      'B',
    ]);
    expect(duplicateTargets(draft)).toEqual(['person.email']);
  });

  it('groups every contract target once, each with at least its natural transform except age', () => {
    const grouped = Object.values(targetsByGroup()).flat();
    expect(grouped.sort()).toEqual([...mappingTargetSchema.options].sort());
    expect(transformsFor('performance.date')).toEqual(['date']);
    expect(transformsFor('line.amount')).toEqual(['decimal', 'cents']);
    expect(transformsFor('person.civility')).toEqual(['civility']);
  });

  it('recognises a preset whatever the order of its columns, and not once a column changes', () => {
    const draft = draftFromMapping(preset, ['Date reservation', 'Reservation', 'Prenom', 'Absente']);
    expect(sameMapping(mappingFromDraft(draft), preset)).toBe(true);
    draft.columns.Prenom = retarget(draft.columns.Prenom, 'person.lastName');
    expect(sameMapping(mappingFromDraft(draft), preset)).toBe(false);
  });
});
