import { z } from 'zod';

/**
 * What a rule lets count as evidence that two people are one. Names are compared in every rule
 * but `email` and `phone`; each rule contributes the agreement of its distinguishing field.
 */
export const matchingRuleKindSchema = z.enum([
  'email',
  'phone',
  'name_birthdate',
  'name_address',
  'name_postal_code',
  'organisation_name',
]);
export type MatchingRuleKind = z.infer<typeof matchingRuleKindSchema>;

export const matchingRuleSchema = z.object({
  /** Stable identifier chosen by the administrator, e.g. `email-exact`. */
  id: z.string().trim().min(1).max(64),
  kind: matchingRuleKindSchema,
  /** A disabled rule no longer counts its field's agreement; contradictions still count. */
  enabled: z.boolean().default(true),
  /** Multiplies the calibrated evidence of the rule's field: 1 is the calibrated value, 0 ignores it. */
  weight: z.number().min(0).max(3).default(1),
});
export type MatchingRule = z.infer<typeof matchingRuleSchema>;

export const matchingRuleSetSchema = z
  .object({
    rules: z
      .array(matchingRuleSchema)
      .max(32)
      .refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, {
        message: 'Rule ids must be unique',
      }),
    /** Pairs scoring at least this go to the review queue. */
    reviewThreshold: z.number().min(0).max(1).default(0.75),
    /** Pairs scoring at least this are merged without review, when `autoMergeEnabled`. */
    autoThreshold: z.number().min(0).max(1).default(0.95),
    /** Automatic merging is opt-in: a wrong merge costs more than a review. */
    autoMergeEnabled: z.boolean().default(false),
  })
  .refine((set) => set.autoThreshold >= set.reviewThreshold, {
    message: 'autoThreshold must not be below reviewThreshold',
    path: ['autoThreshold'],
  });
export type MatchingRuleSet = z.infer<typeof matchingRuleSetSchema>;
export type MatchingRuleSetInput = z.input<typeof matchingRuleSetSchema>;

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
