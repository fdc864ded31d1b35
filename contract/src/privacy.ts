import { z } from 'zod';
import { pageQuerySchema } from './common.ts';

/*
 * Register of data-subject requests (GDPR art. 12, 15–21): what was asked, by whom, when it must be
 * answered (one calendar month from receipt, Europe/Paris; extendable once by up to two months with
 * a reason, art. 12.3), who handles it and what was answered.
 */

/** Accès (art. 15), portabilité (20), rectification (16), effacement (17), limitation (18), opposition (21). */
export const privacyRequestKindSchema = z.enum([
  'access',
  'portability',
  'rectification',
  'erasure',
  'restriction',
  'objection',
]);
export type PrivacyRequestKind = z.infer<typeof privacyRequestKindSchema>;

/** How it arrived: courrier, e-mail, formulaire, guichet. */
export const privacyRequestChannelSchema = z.enum(['post', 'email', 'form', 'counter']);
export type PrivacyRequestChannel = z.infer<typeof privacyRequestChannelSchema>;

/** Identity check: à vérifier, vérifiée, refusée. */
export const identityCheckStatusSchema = z.enum(['to_verify', 'verified', 'rejected']);
export type IdentityCheckStatus = z.infer<typeof identityCheckStatusSchema>;

/** reçue, en cours, répondue, refusée, clôturée. `received` and `in_progress` are open. */
export const privacyRequestStatusSchema = z.enum([
  'received',
  'in_progress',
  'answered',
  'refused',
  'closed',
]);
export type PrivacyRequestStatus = z.infer<typeof privacyRequestStatusSchema>;

const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const privacyRequestSchema = z
  .object({
    id: z.uuid(),
    kind: privacyRequestKindSchema,
    /** The contact the request is about, once identified; null until then. */
    personId: z.uuid().nullable(),
    /** Requester's name and email as given by them. */
    requesterName: z.string(),
    requesterEmail: z.string().nullable(),
    /** What was asked, in the requester's words or a summary. */
    details: z.string().nullable(),
    receivedOn: day,
    channel: privacyRequestChannelSchema,
    identityCheck: z.object({
      status: identityCheckStatusSchema,
      /** User who last set the status; null while `to_verify`. */
      checkedBy: z.uuid().nullable(),
      checkedByName: z.string().nullable(),
      checkedAt: z.string().nullable(),
    }),
    /** Effective deadline: receipt + 1 month, + the extension when there is one. */
    dueOn: day,
    extension: z.object({ months: z.number().int(), reason: z.string(), extendedAt: z.string() }).nullable(),
    assigneeId: z.uuid().nullable(),
    status: privacyRequestStatusSchema,
    answer: z.string().nullable(),
    answeredOn: day.nullable(),
    /** True when open and past its deadline (Paris day). */
    overdue: z.boolean(),
    createdAt: z.string(),
    createdBy: z.uuid().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'PrivacyRequest' });
export type PrivacyRequest = z.infer<typeof privacyRequestSchema>;

export const createPrivacyRequestInputSchema = z.object({
  kind: privacyRequestKindSchema,
  personId: z.uuid().nullish(),
  requesterName: text(200).min(1),
  requesterEmail: z.email().max(320).nullish(),
  details: text(10_000).nullish(),
  /** Default: today (Paris). Not in the future. */
  receivedOn: day.optional(),
  channel: privacyRequestChannelSchema,
  assigneeId: z.uuid().nullish(),
});
export type CreatePrivacyRequestInput = z.infer<typeof createPrivacyRequestInputSchema>;

export const updatePrivacyRequestInputSchema = z
  .object({
    personId: z.uuid().nullable(),
    requesterName: text(200).min(1),
    requesterEmail: z.email().max(320).nullable(),
    details: text(10_000).nullable(),
    identityCheckStatus: identityCheckStatusSchema,
    /** Extends the deadline once, by 1 or 2 months, with the reason given to the requester (art. 12.3). */
    extension: z.object({ months: z.number().int().min(1).max(2), reason: text(2_000).min(1) }),
    assigneeId: z.uuid().nullable(),
    status: privacyRequestStatusSchema,
    /** Required to move to `answered` or `refused` (for a refusal: why). */
    answer: text(20_000).nullable(),
    /** Default: today (Paris) when the status becomes `answered` or `refused`. */
    answeredOn: day.nullable(),
  })
  .partial();
export type UpdatePrivacyRequestInput = z.infer<typeof updatePrivacyRequestInputSchema>;

export const privacyRequestListQuerySchema = pageQuerySchema.extend({
  status: privacyRequestStatusSchema.optional(),
  kind: privacyRequestKindSchema.optional(),
  /** Only requests still open and due on or before this day (the « à échéance » view). */
  dueBefore: day.optional(),
  personId: z.uuid().optional(),
});
export type PrivacyRequestListQuery = z.infer<typeof privacyRequestListQuerySchema>;

export const privacyRequestCountsSchema = z.object({
  /** Received or in progress. */
  open: z.number().int(),
  /** Open and past the deadline. */
  overdue: z.number().int(),
  /** Open and due today or within the next 7 days. */
  dueWithin7Days: z.number().int(),
});
export type PrivacyRequestCounts = z.infer<typeof privacyRequestCountsSchema>;

/** Sorted by deadline, earliest first; counts cover the whole register, not the page. */
export const privacyRequestListSchema = z.object({
  data: z.array(privacyRequestSchema),
  nextCursor: z.string().nullable(),
  counts: privacyRequestCountsSchema,
});

export const personExportQuerySchema = z.object({
  /** `json` (default): the whole bundle; `csv`: one row per field, section by section; `html`: a readable summary. */
  format: z.enum(['json', 'csv', 'html']).default('json'),
});

/** Version of the export document's shape; bumped when a section changes. */
export const PERSON_EXPORT_SCHEMA_VERSION = 1;

export const personExportSchema = z
  .object({
    schemaVersion: z.literal(PERSON_EXPORT_SCHEMA_VERSION),
    generatedAt: z.string(),
    personId: z.uuid(),
    /** Identity, emails, phones, addresses, custom fields, tags. */
    person: z.record(z.string(), z.unknown()),
    relationships: z.array(z.record(z.string(), z.unknown())),
    notes: z.array(z.record(z.string(), z.unknown())),
    /** Orders she bought or holds a ticket in; other people appear only as « another person ». */
    orders: z.array(z.record(z.string(), z.unknown())),
    consents: z.object({
      states: z.array(z.record(z.string(), z.unknown())),
      history: z.array(z.record(z.string(), z.unknown())),
    }),
    /** Audit entries about her record or mentioning her id. */
    audit: z.array(z.record(z.string(), z.unknown())),
    privacyRequests: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: 'PersonExport' });
export type PersonExport = z.infer<typeof personExportSchema>;
