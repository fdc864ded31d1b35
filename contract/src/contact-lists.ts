import { z } from 'zod';

/** Operators a filter rule may use; which ones a field accepts depends on its type. */
export const filterOpSchema = z.enum([
  'eq',
  'neq',
  'contains',
  'startsWith',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'isEmpty',
  'isNotEmpty',
  'hasAny',
  'hasAll',
]);
export type FilterOp = z.infer<typeof filterOpSchema>;

const filterValueSchema = z.union([
  z.string().max(500),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string().max(500), z.number()])).max(1000),
  z.null(),
]);

/** One condition, e.g. `{field: 'customFields.abonne', op: 'eq', value: true}`. */
export const filterRuleSchema = z.object({
  /**
   * firstName, lastName, email, phone, postalCode, city, departementCode, tags, departmentId,
   * source, language, createdAt, updatedAt, emailStatus / phoneStatus / addressStatus (validity of
   * any of the person's e-mails, phones, addresses: valid, invalid, bounced, unknown),
   * duplicateSuspect (named by a pending suspected duplicate pair), consentGranted (holds at least one
   * granted consent now), or `customFields.<key>`.
   */
  field: z.string().min(1).max(100),
  op: filterOpSchema,
  /** Absent for isEmpty / isNotEmpty; an array for in, hasAny, hasAll. */
  value: filterValueSchema.optional(),
});
export type FilterRule = z.infer<typeof filterRuleSchema>;

/** Every rule must hold (AND). Sent as JSON in the `filter` query parameter of list routes. */
export const contactFilterSchema = z
  .object({ all: z.array(filterRuleSchema).max(50) })
  .meta({ id: 'ContactFilter' });
export type ContactFilter = z.infer<typeof contactFilterSchema>;

/** `lastName`, `-createdAt`, `customFields.abonne`…: a leading `-` sorts descending. */
export const contactSortSchema = z
  .string()
  .regex(/^-?(lastName|firstName|createdAt|updatedAt|postalCode|city|customFields\.[A-Za-z0-9_-]+)$/);

export const personListQuerySchema = z.object({
  /** Name or e-mail start, tolerant to accents and small typos. */
  q: z.string().trim().max(200).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  sort: contactSortSchema.optional(),
  /** JSON of a ContactFilter, e.g. `{"all":[{"field":"city","op":"eq","value":"Lyon"}]}`. */
  filter: z.string().max(20_000).optional(),
  /** Also count every matching row (costs a second query). */
  withTotal: z.enum(['true', 'false']).optional(),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const personListItemSchema = z
  .object({
    id: z.uuid(),
    civility: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    primaryEmail: z.string().nullable(),
    /** National format for French numbers ("06 12 34 56 78"), international otherwise. */
    primaryPhone: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    tags: z.array(z.string()),
    departmentId: z.uuid().nullable(),
    /** Defined fields only; sensitive ones are left out for callers without `contacts.read_sensitive`. */
    customFields: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PersonListItem' });
export type PersonListItem = z.infer<typeof personListItemSchema>;

export const personListPageSchema = z.object({
  data: z.array(personListItemSchema),
  nextCursor: z.string().nullable(),
  /** Present when `withTotal=true`. */
  total: z.number().int().optional(),
});
export type PersonListPage = z.infer<typeof personListPageSchema>;

export const contactCountQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  filter: z.string().max(20_000).optional(),
});
export const contactCountSchema = z.object({ count: z.number().int() });

/** Rows chosen either one by one (`ids`) or as every result of a filter. */
const selectionShape = {
  ids: z.array(z.uuid()).min(1).max(100_000).optional(),
  filter: contactFilterSchema.optional(),
};
const oneSelection = (value: { ids?: unknown; filter?: unknown }) =>
  (value.ids === undefined) !== (value.filter === undefined);
const oneSelectionMessage = { message: 'Indiquez soit `ids`, soit `filter`.', path: ['ids'] };

export const bulkActionSchema = z.enum(['tag', 'untag', 'set_department', 'delete']);

export const bulkActionInputSchema = z
  .object({
    action: bulkActionSchema,
    ...selectionShape,
    tag: z.string().trim().min(1).max(100).optional(),
    /** For set_department; `null` clears it. */
    departmentId: z.uuid().nullable().optional(),
    /** Required (true) to delete. */
    confirm: z.literal(true).optional(),
  })
  .refine(oneSelection, oneSelectionMessage)
  .refine((v) => (v.action !== 'tag' && v.action !== 'untag') || v.tag !== undefined, {
    message: 'Indiquez l’étiquette (`tag`).',
    path: ['tag'],
  })
  .refine((v) => v.action !== 'set_department' || v.departmentId !== undefined, {
    message: 'Indiquez le service (`departmentId`).',
    path: ['departmentId'],
  });
export type BulkActionInput = z.infer<typeof bulkActionInputSchema>;

/** Small selections are done at once (`affected`); larger ones run as a job (`jobId`, HTTP 202). */
export const bulkActionResultSchema = z.object({
  affected: z.number().int().nullable(),
  jobId: z.uuid().nullable(),
});
export type BulkActionResult = z.infer<typeof bulkActionResultSchema>;

/** Columns an export may contain, besides `customFields.<key>`. */
export const exportColumnSchema = z
  .string()
  .regex(
    /^(id|civility|firstName|lastName|usageName|email|phone|line1|line2|postalCode|city|country|departementCode|tags|source|language|departmentId|createdAt|updatedAt|customFields\.[A-Za-z0-9_-]+)$/,
  );

export const exportInputSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    /** CSV only; `;` suits French spreadsheet software. */
    delimiter: z.enum([',', ';']).default(';'),
    columns: z.array(exportColumnSchema).min(1).max(200),
    ...selectionShape,
  })
  .refine(oneSelection, oneSelectionMessage);
export type ExportInput = z.infer<typeof exportInputSchema>;

export const jobAcceptedSchema = z.object({ jobId: z.uuid() });

/** What a finished export job returns as its `result`. */
export const exportResultSchema = z.object({ fileName: z.string(), rows: z.number().int() });
export type ExportResult = z.infer<typeof exportResultSchema>;

export const savedViewEntitySchema = z.enum(['person', 'organisation']);

export const savedViewDefinitionSchema = z.object({
  filter: contactFilterSchema.optional(),
  sort: contactSortSchema.optional(),
  columns: z.array(z.string().max(100)).max(200).optional(),
});

export const savedViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    entity: savedViewEntitySchema,
    definition: savedViewDefinitionSchema,
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof savedViewSchema>;

export const createSavedViewInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  entity: savedViewEntitySchema,
  definition: savedViewDefinitionSchema,
});
export type CreateSavedViewInput = z.infer<typeof createSavedViewInputSchema>;

export const updateSavedViewInputSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  definition: savedViewDefinitionSchema.optional(),
});
export type UpdateSavedViewInput = z.infer<typeof updateSavedViewInputSchema>;

export const savedViewListQuerySchema = z.object({ entity: savedViewEntitySchema.default('person') });
