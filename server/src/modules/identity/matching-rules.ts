import {
  type MatchingRuleKind,
  type MatchingRuleSet,
  matchingRuleSetSchema,
} from '@parterre/contract/identity';

/** The rule set a new tenant starts with: every rule on, calibrated weights, no automatic merge. */
export const defaultMatchingRules: MatchingRuleSet = Object.freeze(
  matchingRuleSetSchema.parse({
    rules: [
      { id: 'email', kind: 'email' },
      { id: 'phone', kind: 'phone' },
      { id: 'name-birthdate', kind: 'name_birthdate' },
      { id: 'name-address', kind: 'name_address' },
      { id: 'name-postal-code', kind: 'name_postal_code' },
      { id: 'organisation-name', kind: 'organisation_name' },
    ],
  }),
);

/** Effective weight of each rule kind: the sum over enabled rules of that kind (0 when none). */
export type RuleWeights = Readonly<Record<MatchingRuleKind, number>>;

const weightsCache = new WeakMap<MatchingRuleSet, RuleWeights>();

/** Resolves a rule set to one weight per kind, cached per rule-set object (scoring calls it per pair). */
export function ruleWeights(set: MatchingRuleSet): RuleWeights {
  const cached = weightsCache.get(set);
  if (cached) return cached;
  const weights: Record<MatchingRuleKind, number> = {
    email: 0,
    phone: 0,
    name_birthdate: 0,
    name_address: 0,
    name_postal_code: 0,
    organisation_name: 0,
  };
  for (const rule of set.rules) if (rule.enabled) weights[rule.kind] += rule.weight;
  const frozen = Object.freeze(weights);
  weightsCache.set(set, frozen);
  return frozen;
}
