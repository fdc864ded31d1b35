import { z } from 'zod';
import { personSchema } from './contacts.ts';

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

export const matchingRuleSchema = z
  .object({
    /** Stable identifier chosen by the administrator, e.g. `email-exact`. */
    id: z.string().trim().min(1).max(64),
    kind: matchingRuleKindSchema,
    /** A disabled rule no longer counts its field's agreement; contradictions still count. */
    enabled: z.boolean().default(true),
    /** Multiplies the calibrated evidence of the rule's field: 1 is the calibrated value, 0 ignores it. */
    weight: z.number().min(0).max(3).default(1),
  })
  .meta({ id: 'MatchingRule' });
export type MatchingRule = z.infer<typeof matchingRuleSchema>;

/** The tenant's matching rules and thresholds (`GET`/`PUT /api/v1/duplicates/rules`). */
export const matchingRuleSetSchema = z
  .object({
    rules: z
      .array(matchingRuleSchema)
      .max(32)
      .refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, {
        message: 'Les identifiants de règles doivent être uniques',
      }),
    /** Pairs scoring at least this go to the review queue. */
    reviewThreshold: z.number().min(0).max(1).default(0.75),
    /** Pairs scoring at least this are merged without review, when `autoMergeEnabled`. */
    autoThreshold: z.number().min(0).max(1).default(0.95),
    /** Automatic merging is opt-in: a wrong merge costs more than a review. */
    autoMergeEnabled: z.boolean().default(false),
  })
  .refine((set) => set.autoThreshold >= set.reviewThreshold, {
    message: 'Le seuil de fusion automatique doit être au moins égal au seuil de revue',
    path: ['autoThreshold'],
  })
  .meta({ id: 'MatchingRuleSet' });
export type MatchingRuleSet = z.infer<typeof matchingRuleSetSchema>;
export type MatchingRuleSetInput = z.input<typeof matchingRuleSetSchema>;

export const matchFieldSchema = z.enum([
  'email',
  'phone',
  'name',
  'birthDate',
  'address',
  'postalCode',
  'organisation',
]);
export type MatchField = z.infer<typeof matchFieldSchema>;

export const matchReasonSchema = z
  .object({
    field: matchFieldSchema,
    outcome: z.enum(['agree', 'disagree', 'partial', 'missing']),
    /** French, shown to the reviewer: "Même e-mail jean.dupont@exemple.fr". */
    detail: z.string(),
    /** Contribution to the log-odds, in bits: positive for a match, negative against. */
    evidence: z.number(),
  })
  .meta({ id: 'MatchReason' });
export type MatchReason = z.infer<typeof matchReasonSchema>;

/** One side of a pair in the review queue: enough to recognise the person. */
export const duplicatePersonSchema = z
  .object({
    id: z.uuid(),
    /** Source system → id in that system, e.g. `{"billetweb": "A-1234"}`. */
    externalIds: z.record(z.string(), z.string()),
    /** "Prénom Nom" (name in use), or "(sans nom)". */
    displayName: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    usageName: z.string().nullable(),
    /** Null when masked for the caller (`contacts.read_sensitive`). */
    birthDate: z.string().nullable(),
    /** Primary e-mail address, if any. */
    email: z.string().nullable(),
    /** Primary phone, E.164. */
    phone: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    source: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'DuplicatePerson' });
export type DuplicatePerson = z.infer<typeof duplicatePersonSchema>;

export const duplicatePairStatusSchema = z.enum(['pending', 'dismissed', 'merged']);

/** A suspected duplicate awaiting review; `a` is the older record. */
export const duplicatePairSchema = z
  .object({
    id: z.uuid(),
    a: duplicatePersonSchema,
    b: duplicatePersonSchema,
    /** Probability in [0, 1] that both records describe one person. */
    score: z.number(),
    /** Field by field: what agreed, what did not, and how much it weighed. */
    reasons: z.array(matchReasonSchema),
    status: duplicatePairStatusSchema,
    detectedAt: z.string(),
  })
  .meta({ id: 'DuplicatePair' });
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const duplicatePairQuerySchema = z.object({
  /** Lowest score listed; the review threshold of the rules by default. */
  minScore: z.coerce.number().min(0).max(1).optional(),
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor: z.string().optional(),
  /** Page size, 1 to 200 (default 50). */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DuplicatePairQuery = z.infer<typeof duplicatePairQuerySchema>;

/** A pair with both full records (masked for the caller), for the side-by-side screen. */
export const duplicatePairDetailSchema = z
  .object({
    id: z.uuid(),
    a: personSchema,
    b: personSchema,
    score: z.number(),
    reasons: z.array(matchReasonSchema),
    status: duplicatePairStatusSchema,
    detectedAt: z.string(),
  })
  .meta({ id: 'DuplicatePairDetail' });
export type DuplicatePairDetail = z.infer<typeof duplicatePairDetailSchema>;

/** "Not the same person": a pair of the queue, or any two people. Remembered by later scans. */
export const dismissPairInputSchema = z
  .union([z.object({ pairId: z.uuid() }), z.object({ aId: z.uuid(), bId: z.uuid() })])
  .meta({ id: 'DismissPairInput' });
export type DismissPairInput = z.infer<typeof dismissPairInputSchema>;

export const dismissPairResultSchema = z
  .object({
    pairId: z.uuid(),
    /** The two people, older first. */
    aId: z.uuid(),
    bId: z.uuid(),
    status: z.literal('dismissed'),
  })
  .meta({ id: 'DismissPairResult' });
export type DismissPairResult = z.infer<typeof dismissPairResultSchema>;

/** Fields whose surviving value can be chosen; e-mails, phones, addresses and tags are unioned. */
export const mergeableFieldSchema = z.enum([
  'civility',
  'firstName',
  'lastName',
  'usageName',
  'birthDate',
  'language',
  'preferredChannel',
  'departmentId',
  'source',
]);
export type MergeableField = z.infer<typeof mergeableFieldSchema>;

/** Which record's value survives: the survivor's (the default, gaps filled from the other) or the merged one's. */
export const mergeChoiceSchema = z.enum(['survivor', 'merged']);
export type MergeChoice = z.infer<typeof mergeChoiceSchema>;

const mergeFieldPath = z
  .string()
  .refine(
    (path) => mergeableFieldSchema.safeParse(path).success || /^customFields\.[\w-]{1,100}$/.test(path),
    {
      message: 'Champ inconnu : attendu un champ d’identité ou customFields.<clé>',
    },
  );

export const mergeInputSchema = z
  .object({
    /** The record that stays: it keeps its id and receives every reference. */
    survivorId: z.uuid(),
    /** The record that goes: it leaves lists and search, and points to the survivor. */
    mergedId: z.uuid(),
    /** Per field (`firstName`, `customFields.<key>`): whose value survives. Unlisted fields keep the survivor's, or the merged one's when the survivor has none. */
    fields: z.record(mergeFieldPath, mergeChoiceSchema).optional(),
  })
  .meta({ id: 'MergeInput' });
export type MergeInput = z.infer<typeof mergeInputSchema>;

/** How many references of each kind moved to the survivor, e.g. `{"orders": 3, "notes": 1}`. */
export const movedCountsSchema = z.record(z.string(), z.number().int());

export const mergeResultSchema = z
  .object({
    mergeId: z.uuid(),
    survivor: personSchema,
    mergedId: z.uuid(),
    moved: movedCountsSchema,
  })
  .meta({ id: 'MergeResult' });
export type MergeResult = z.infer<typeof mergeResultSchema>;

export const unmergeInputSchema = z
  .object({
    /** Required when the path names the survivor: which of its merges to undo. */
    mergeId: z.uuid().optional(),
  })
  .meta({ id: 'UnmergeInput' });
export type UnmergeInput = z.infer<typeof unmergeInputSchema>;

export const unmergeResultSchema = z
  .object({
    mergeId: z.uuid(),
    survivor: personSchema,
    restored: personSchema,
  })
  .meta({ id: 'UnmergeResult' });
export type UnmergeResult = z.infer<typeof unmergeResultSchema>;

/** A merge into a person, for its history (`GET /api/v1/contacts/{id}/merges`). */
export const mergeSummarySchema = z
  .object({
    id: z.uuid(),
    survivorId: z.uuid(),
    mergedId: z.uuid(),
    /** Display name of the merged record as it was. */
    mergedName: z.string(),
    mergedAt: z.string(),
    mergedBy: z.uuid().nullable(),
    moved: movedCountsSchema,
    /** Set once the merge was undone. */
    undoneAt: z.string().nullable(),
  })
  .meta({ id: 'MergeSummary' });
export type MergeSummary = z.infer<typeof mergeSummarySchema>;

/** What `POST /api/v1/duplicates/scan` answers; follow the job at `GET /api/v1/jobs/{jobId}`. */
export const scanStartedSchema = z.object({ jobId: z.uuid() }).meta({ id: 'DuplicateScanStarted' });

/** The result of a finished scan job. */
export const scanResultSchema = z
  .object({
    people: z.number().int(),
    candidatePairs: z.number().int(),
    /** Pairs at or above the review threshold (dismissed ones included). */
    matches: z.number().int(),
    /** Pending pairs written (new or with a new score). */
    pending: z.number().int(),
    /** Pending pairs removed: people merged, deleted, or no longer alike. */
    dropped: z.number().int(),
    autoMerged: z.number().int(),
  })
  .meta({ id: 'DuplicateScanResult' });
export type ScanResult = z.infer<typeof scanResultSchema>;
