import { z } from 'zod';

/*
 * Purposes (finalités) and the consent ledger (GDPR art. 6–7). A purpose says why people are
 * contacted, on which legal basis and channels; its wording (the text shown to people when they
 * consent) is versioned and every version is kept. Consent is an append-only history of events per
 * person × purpose × channel, each with its proof; the current status is the latest event by
 * `occurredAt`.
 */

/** Legal basis of a purpose (art. 6): consentement, contrat, obligation légale, intérêt légitime, mission d'intérêt public, intérêts vitaux. */
export const legalBasisSchema = z.enum([
  'consent',
  'contract',
  'legal_obligation',
  'legitimate_interest',
  'public_task',
  'vital_interests',
]);
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/** Channels a consent applies to. */
export const consentChannelSchema = z.enum(['email', 'sms', 'post', 'phone']);
export type ConsentChannel = z.infer<typeof consentChannelSchema>;

/** `pending`: awaiting a double opt-in confirmation; `unknown`: asked, no answer known. */
export const consentStatusSchema = z.enum(['granted', 'withdrawn', 'pending', 'unknown']);
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

/**
 * Where a consent was collected: a web form, a file import, at the counter (box office), through the
 * API, or by the person in the preference centre. `form`, `api` and `preference_centre` are online:
 * their IP address and user agent are taken from the request when not given.
 */
export const consentSourceKindSchema = z.enum(['form', 'import', 'counter', 'api', 'preference_centre']);
export type ConsentSourceKind = z.infer<typeof consentSourceKindSchema>;

/** French text, with its English translation when there is one. */
export const localisedTextSchema = z.object({ fr: z.string(), en: z.string().nullable() });
export type LocalisedText = z.infer<typeof localisedTextSchema>;

const text = (max: number) => z.string().trim().max(max);
const localisedInputSchema = z.object({
  fr: text(10_000).min(1),
  /** Empty or absent: no English version. */
  en: text(10_000).nullish(),
});

export const purposeWordingSchema = z
  .object({
    id: z.uuid(),
    /** 1 for the first wording, then +1 at each change of the text. */
    version: z.number().int(),
    text: localisedTextSchema,
    createdAt: z.string(),
    /** User who wrote it; null when written by a token or the system. */
    createdBy: z.uuid().nullable(),
    /** The author's name (user or token label) as it was when written; null for the built-in purposes. */
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'PurposeWording' });
export type PurposeWording = z.infer<typeof purposeWordingSchema>;

export const retentionRuleSchema = z.object({
  /** The rule as stated in the register, e.g. "3 ans après le dernier contact actif". */
  text: z.string(),
  /** Duration in months used by the retention job; null when no automatic rule applies. */
  months: z.number().int().nullable(),
});
export type RetentionRule = z.infer<typeof retentionRuleSchema>;

export const purposeSchema = z
  .object({
    id: z.uuid(),
    /** Stable identifier, lower case (`newsletter`, `mecenat`…), unique in the tenant. */
    code: z.string(),
    name: localisedTextSchema,
    description: localisedTextSchema.nullable(),
    legalBasis: legalBasisSchema,
    /** Channels consent can be recorded on for this purpose. */
    channels: z.array(consentChannelSchema),
    retention: retentionRuleSchema,
    /** Whether messages sent for this purpose may track opens and clicks. */
    trackingAllowed: z.boolean(),
    /** Archived purposes are kept with their history but accept no new consent. */
    archived: z.boolean(),
    /** The wording shown to people now (the highest version). */
    currentWording: purposeWordingSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Send it back in `If-Match` to update. */
    version: z.number().int(),
  })
  .meta({ id: 'Purpose' });
export type Purpose = z.infer<typeof purposeSchema>;

export const purposeDetailSchema = purposeSchema
  .extend({
    /** Every wording version, newest first; none is ever deleted. */
    wordings: z.array(purposeWordingSchema),
  })
  .meta({ id: 'PurposeDetail' });
export type PurposeDetail = z.infer<typeof purposeDetailSchema>;

export const purposeListSchema = z.object({
  /** Every purpose of the tenant, by name (few: no pagination, `nextCursor` is always null). */
  data: z.array(purposeSchema),
  nextCursor: z.string().nullable(),
});
export type PurposeList = z.infer<typeof purposeListSchema>;

export const purposeListQuerySchema = z.object({
  /** Include archived purposes (default: no). */
  includeArchived: z.stringbool().optional(),
});

const purposeFields = {
  name: localisedInputSchema,
  description: localisedInputSchema.nullish(),
  legalBasis: legalBasisSchema,
  channels: z.array(consentChannelSchema).min(1).max(4),
  retention: z.object({
    text: text(1000).min(1),
    months: z.number().int().min(1).max(1200).nullish(),
  }),
  trackingAllowed: z.boolean().optional(),
  /** The text shown to people; changing it on update creates a new wording version. */
  wording: localisedInputSchema,
};

export const createPurposeInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'Code en minuscules, chiffres, « - » ou « _ »' }),
    ...purposeFields,
  })
  .meta({ id: 'CreatePurpose' });
export type CreatePurposeInput = z.infer<typeof createPurposeInputSchema>;

/** Every field optional; the code never changes. `wording` identical to the current one changes nothing. */
export const updatePurposeInputSchema = z
  .object({
    name: purposeFields.name.optional(),
    description: purposeFields.description,
    legalBasis: purposeFields.legalBasis.optional(),
    channels: purposeFields.channels.optional(),
    retention: purposeFields.retention.optional(),
    trackingAllowed: z.boolean().optional(),
    wording: purposeFields.wording.optional(),
    archived: z.boolean().optional(),
  })
  .meta({ id: 'UpdatePurpose' });
export type UpdatePurposeInput = z.infer<typeof updatePurposeInputSchema>;

/** Who recorded an event: a user, an API token, or the system (import job, double opt-in…). */
export const consentRecorderSchema = z.object({
  kind: z.enum(['user', 'token', 'system']),
  /** User or token id; null for the system. */
  id: z.uuid().nullable(),
  /** Name of the user or token, or the system's label, as it was when recorded. */
  label: z.string(),
});
export type ConsentRecorder = z.infer<typeof consentRecorderSchema>;

export const consentProofSchema = z.object({
  source: consentSourceKindSchema,
  /** Form id, note of the agent, etc. */
  detail: z.string().nullable(),
  /** For imports: the file's name and the row (1 = first data row). */
  fileName: z.string().nullable(),
  fileRow: z.number().int().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  recordedBy: consentRecorderSchema,
});
export type ConsentProof = z.infer<typeof consentProofSchema>;

export const consentEventSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    purposeId: z.uuid(),
    purposeCode: z.string(),
    channel: consentChannelSchema,
    status: consentStatusSchema,
    /** The wording shown to the person; null when none was (e.g. a withdrawal by phone). */
    wordingId: z.uuid().nullable(),
    wordingVersion: z.number().int().nullable(),
    /** When the person consented (or withdrew). */
    occurredAt: z.string(),
    /** When Parterre recorded it. */
    recordedAt: z.string(),
    proof: consentProofSchema,
  })
  .meta({ id: 'ConsentEvent' });
export type ConsentEvent = z.infer<typeof consentEventSchema>;

export const consentStateSchema = z
  .object({
    purposeId: z.uuid(),
    purposeCode: z.string(),
    channel: consentChannelSchema,
    status: consentStatusSchema,
    /** The event that set it: the latest by `occurredAt`. */
    eventId: z.uuid(),
    /** `occurredAt` of that event. */
    since: z.string(),
  })
  .meta({ id: 'ConsentState' });
export type ConsentState = z.infer<typeof consentStateSchema>;

export const contactConsentsSchema = z
  .object({
    /** Current status per purpose × channel, for the pairs with at least one event. */
    states: z.array(consentStateSchema),
    /** Every event, newest first (by `occurredAt`, then `recordedAt`), with its proof. */
    history: z.array(consentEventSchema),
  })
  .meta({ id: 'ContactConsents' });
export type ContactConsents = z.infer<typeof contactConsentsSchema>;

export const recordConsentInputSchema = z
  .object({
    purposeId: z.uuid(),
    channel: consentChannelSchema,
    status: consentStatusSchema,
    /**
     * The wording version shown. Absent: the purpose's current wording for `granted` and `pending`,
     * none for `withdrawn` and `unknown`.
     */
    wordingId: z.uuid().nullish(),
    /** Default: now. At most 5 minutes in the future. */
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    proof: z.object({
      source: consentSourceKindSchema,
      detail: text(2000).nullish(),
      fileName: text(500).nullish(),
      fileRow: z.number().int().min(1).nullish(),
      /** Online sources only: taken from the request when absent. */
      ip: z.union([z.ipv4(), z.ipv6()]).nullish(),
      userAgent: text(1000).nullish(),
    }),
  })
  .meta({ id: 'RecordConsent' });
export type RecordConsentInput = z.infer<typeof recordConsentInputSchema>;

export const RECORD_CONSENTS_MAX = 20;

/** One event, or up to 20 recorded together (all or nothing). */
export const recordConsentsBodySchema = z.union([
  recordConsentInputSchema,
  z.array(recordConsentInputSchema).min(1).max(RECORD_CONSENTS_MAX),
]);
export type RecordConsentsBody = z.infer<typeof recordConsentsBodySchema>;

export const recordConsentsResultSchema = z
  .object({
    /** The events recorded, in the order given. */
    recorded: z.array(consentEventSchema),
    /** The person's current states after recording (a late event may leave them unchanged). */
    states: z.array(consentStateSchema),
  })
  .meta({ id: 'RecordConsentsResult' });
export type RecordConsentsResult = z.infer<typeof recordConsentsResultSchema>;

/** Segment criterion `consent.status`: status `none` means no event, or the latest is `unknown`. */
export const consentCriterionValueSchema = z
  .object({
    purposeId: z.uuid(),
    channel: consentChannelSchema,
    status: z.enum(['granted', 'withdrawn', 'pending', 'none']),
  })
  .strict();
export type ConsentCriterionValue = z.infer<typeof consentCriterionValueSchema>;
