import { matchingRuleSetSchema } from '@parterre/contract/identity';
import { describe, expect, it } from 'vitest';
import { defaultMatchingRules, ruleWeights } from './matching-rules.ts';

describe('matching rules', () => {
  it('defaults to review at 0.75, automatic merge at 0.95 and off', () => {
    const parsed = matchingRuleSetSchema.parse({ rules: [{ id: 'email', kind: 'email' }] });
    expect(parsed).toEqual({
      rules: [{ id: 'email', kind: 'email', enabled: true, weight: 1 }],
      reviewThreshold: 0.75,
      autoThreshold: 0.95,
      autoMergeEnabled: false,
    });
    expect(defaultMatchingRules.rules.map((rule) => rule.kind)).toEqual([
      'email',
      'phone',
      'name_birthdate',
      'name_address',
      'name_postal_code',
      'organisation_name',
    ]);
  });

  it('refuses an automatic threshold below the review one, duplicate ids and unknown kinds', () => {
    expect(
      matchingRuleSetSchema.safeParse({ rules: [], reviewThreshold: 0.9, autoThreshold: 0.8 }).success,
    ).toBe(false);
    const twice = [
      { id: 'a', kind: 'email' },
      { id: 'a', kind: 'phone' },
    ];
    expect(matchingRuleSetSchema.safeParse({ rules: twice }).success).toBe(false);
    expect(matchingRuleSetSchema.safeParse({ rules: [{ id: 'x', kind: 'ssn' }] }).success).toBe(false);
  });

  it('resolves one weight per kind, disabled rules counting for nothing', () => {
    const rules = matchingRuleSetSchema.parse({
      rules: [
        { id: 'mail', kind: 'email', weight: 1.5 },
        { id: 'tel', kind: 'phone', enabled: false },
      ],
    });
    expect(ruleWeights(rules)).toMatchObject({ email: 1.5, phone: 0, name_birthdate: 0 });
    expect(ruleWeights(rules)).toBe(ruleWeights(rules));
  });
});
