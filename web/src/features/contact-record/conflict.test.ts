import { describe, expect, it } from 'vitest';
import { changedFields, defaultChoices, findConflicts, resolveConflicts } from './conflict';

const base = {
  firstName: 'Camille',
  lastName: 'Durand',
  tags: ['vip'],
  customFields: { taille: 'M', revenu: 10 },
};

describe('findConflicts', () => {
  it('lists each differing field and who changed it', () => {
    const mine = { ...base, firstName: 'Camila', customFields: { taille: 'L', revenu: 10 } };
    const theirs = { ...base, lastName: 'Dupont', customFields: { taille: 'S', revenu: 10 } };
    const conflicts = findConflicts(base, mine, theirs);
    expect(conflicts.map((c) => [c.path, c.youChanged, c.theyChanged])).toEqual([
      ['firstName', true, false],
      ['lastName', false, true],
      ['customFields.taille', true, true],
    ]);
    expect(defaultChoices(conflicts)).toEqual({
      firstName: 'mine',
      lastName: 'theirs',
      'customFields.taille': 'mine',
    });
  });

  it('resolves to their record plus the fields the user keeps', () => {
    const mine = { ...base, firstName: 'Camila', customFields: { taille: 'L', revenu: 10 } };
    const theirs = { ...base, lastName: 'Dupont', customFields: { taille: 'S', revenu: 12 } };
    const resolved = resolveConflicts(mine, theirs, {
      firstName: 'mine',
      lastName: 'theirs',
      'customFields.taille': 'theirs',
      'customFields.revenu': 'mine',
    });
    expect(resolved).toEqual({
      ...base,
      firstName: 'Camila',
      lastName: 'Dupont',
      customFields: { taille: 'S', revenu: 10 },
    });
    expect(changedFields(theirs, resolved)).toEqual(['firstName', 'customFields.revenu']);
  });

  it('finds nothing when both sides agree', () => {
    expect(findConflicts(base, { ...base, tags: ['a'] }, { ...base, tags: ['a'] })).toEqual([]);
  });
});
