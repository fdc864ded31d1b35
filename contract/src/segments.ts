import { z } from 'zod';
import { personListItemSchema } from './contact-lists.ts';

/**
 * Operators of segment rules. Each criterion accepts a subset (listed by `GET /api/v1/segments/fields`).
 * `notIn`, `neq`, `hasNone`, `isNot` and `isEmpty` are the negations of `in`, `eq`, `hasAny`, `is`
 * and `isNotEmpty`: a person for whom the positive rule cannot be decided (no address, no birth
 * date…) matches the negation.
 */
export const criteriaOperatorSchema = z.enum([
  'in',
  'notIn',
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'startsWith',
  'hasAny',
  'hasAll',
  'hasNone',
  'is',
  'isNot',
  'isEmpty',
  'isNotEmpty',
]);
export type CriteriaOperator = z.infer<typeof criteriaOperatorSchema>;

/** One condition, e.g. `{field: 'geography.departement', operator: 'in', value: {codes: ['44']}}`. */
export const criteriaRuleSchema = z
  .object({
    /** A criterion id of the registry (`GET /api/v1/segments/fields`). */
    field: z.string().min(1).max(200),
    operator: criteriaOperatorSchema,
    /** Shape given by the criterion (its `valueSchema`); absent for `isEmpty` / `isNotEmpty`. */
    value: z.unknown().optional(),
  })
  .strict()
  .meta({ id: 'SegmentRule' });
export type CriteriaRule = z.infer<typeof criteriaRuleSchema>;

export type CriteriaGroup = {
  op: 'and' | 'or';
  not?: boolean;
  rules: (CriteriaRule | CriteriaGroup)[];
};

/** A group of rules and groups, nested at will: all (`and`) or any (`or`) must hold, `not` negates it. */
export const criteriaGroupSchema: z.ZodType<CriteriaGroup> = z
  .object({
    op: z.enum(['and', 'or']),
    /** Negates the whole group ("NOT (a AND b)"). */
    not: z.boolean().optional(),
    get rules() {
      return z.array(z.union([criteriaRuleSchema, criteriaGroupSchema])).max(100);
    },
  })
  .strict()
  .meta({ id: 'SegmentCriteria' });

export const isCriteriaGroup = (node: CriteriaRule | CriteriaGroup): node is CriteriaGroup => 'rules' in node;

const isoDate = z.iso.date();

/**
 * When something happened: the last N days, months or years up to now, or between two dates
 * (inclusive, days in Europe/Paris). Absent: at any time.
 */
export const criteriaPeriodSchema = z.union([
  z
    .object({
      last: z.object({ amount: z.number().int().min(1).max(1200), unit: z.enum(['day', 'month', 'year']) }),
    })
    .strict(),
  z
    .object({ from: isoDate.optional(), to: isoDate.optional() })
    .strict()
    .refine((p) => p.from !== undefined || p.to !== undefined, 'from ou to est attendu')
    .refine((p) => !p.from || !p.to || p.from <= p.to, 'from doit précéder to'),
]);
export type CriteriaPeriod = z.infer<typeof criteriaPeriodSchema>;

/** Value of code criteria: `{codes: ['44', '85']}`; geography adds which address counts. */
export const codesValueSchema = z
  .object({ codes: z.array(z.string().trim().min(1).max(100)).min(1).max(1000) })
  .strict();

export const geographyValueSchema = z
  .object({
    codes: z.array(z.string().trim().min(1).max(20)).min(1).max(1000),
    /** `primary` (default): the primary address, else the first; `any`: any of the person's addresses. */
    address: z.enum(['primary', 'any']).optional(),
  })
  .strict();

export const idsValueSchema = z.object({ ids: z.array(z.uuid()).min(1).max(1000) }).strict();

/** Catalogue records (productions, venues…) a purchase must concern, within a period. */
export const purchaseIdsValueSchema = z
  .object({ ids: z.array(z.uuid()).min(1).max(1000), period: criteriaPeriodSchema.optional() })
  .strict();

/** Catalogue values (disciplines, channels) a purchase must concern, within a period. */
export const purchaseValuesValueSchema = z
  .object({
    values: z.array(z.string().trim().min(1).max(200)).min(1).max(100),
    period: criteriaPeriodSchema.optional(),
  })
  .strict();

/** What tickets count: any combination of catalogue filters, within a period. */
export const ticketCountValueSchema = z
  .object({
    count: z.number().int().min(0).max(1_000_000),
    period: criteriaPeriodSchema.optional(),
    productionIds: z.array(z.uuid()).min(1).max(1000).optional(),
    disciplines: z.array(z.string().trim().min(1).max(200)).min(1).max(100).optional(),
    venueIds: z.array(z.uuid()).min(1).max(1000).optional(),
    seasonIds: z.array(z.uuid()).min(1).max(1000).optional(),
    priceCategoryIds: z.array(z.uuid()).min(1).max(1000).optional(),
    channels: z.array(z.string().trim().min(1).max(50)).min(1).max(20).optional(),
  })
  .strict();

export const countValueSchema = z
  .object({ count: z.number().int().min(0).max(1_000_000), period: criteriaPeriodSchema.optional() })
  .strict();

export const amountValueSchema = z
  .object({ amount: z.number().min(0).max(1_000_000_000), period: criteriaPeriodSchema.optional() })
  .strict();

export const tagsValueSchema = z
  .object({ tags: z.array(z.string().trim().min(1).max(100)).min(1).max(100) })
  .strict();

/** Values of custom-field criteria, by the field's type. */
export const textValueSchema = z.object({ text: z.string().trim().min(1).max(500) }).strict();
export const numberValueSchema = z.object({ number: z.number() }).strict();
export const dateValueSchema = z.object({ date: isoDate }).strict();
export const booleanValueSchema = z.object({ value: z.boolean() }).strict();

export const monthsValueSchema = z.object({ months: z.number().int().min(1).max(1200) }).strict();

export const periodValueSchema = z.object({ period: criteriaPeriodSchema }).strict();

const localisedSchema = z.object({ fr: z.string(), en: z.string() });

/** One criterion as the builder renders it. */
export const criteriaFieldSchema = z
  .object({
    /** Used as `field` in rules, e.g. `purchases.tickets`. */
    id: z.string(),
    category: z.string(),
    label: localisedSchema,
    description: localisedSchema.optional(),
    operators: z.array(criteriaOperatorSchema),
    /** JSON Schema of `value` (not needed by `isEmpty` / `isNotEmpty`). */
    valueSchema: z.record(z.string(), z.unknown()).nullable(),
    /** Values to choose from, when short and known. */
    options: z.array(z.object({ value: z.string(), label: localisedSchema })).optional(),
    /** API path listing the values to choose from (e.g. `/api/v1/productions`), when long. */
    optionsFrom: z.string().optional(),
    /** Usable only with this permission (e.g. birth date: `contacts.read_sensitive`). */
    permission: z.string().nullable(),
    /** A rule using it, valid as is. */
    example: criteriaRuleSchema,
  })
  .meta({ id: 'SegmentField' });
export type CriteriaField = z.infer<typeof criteriaFieldSchema>;

export const criteriaFieldsSchema = z.object({
  categories: z.array(z.object({ id: z.string(), label: localisedSchema })),
  data: z.array(criteriaFieldSchema),
});
export type CriteriaFields = z.infer<typeof criteriaFieldsSchema>;

export const segmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    criteria: criteriaGroupSchema,
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Segment' });
export type Segment = z.infer<typeof segmentSchema>;

const name = z.string().trim().min(1).max(200);
const description = z.string().trim().max(2000).nullish();

export const createSegmentInputSchema = z.object({ name, description, criteria: criteriaGroupSchema });
export type CreateSegmentInput = z.infer<typeof createSegmentInputSchema>;

export const updateSegmentInputSchema = z.object({
  name: name.optional(),
  description,
  criteria: criteriaGroupSchema.optional(),
});
export type UpdateSegmentInput = z.infer<typeof updateSegmentInputSchema>;

export const createdSchema = z.object({ id: z.uuid() });

export const countSchema = z.object({ count: z.number().int() });

export const countCriteriaInputSchema = z.object({
  criteria: criteriaGroupSchema,
  /** How many members to return as a sample (0 to 20, default 0). */
  sample: z.number().int().min(0).max(20).optional(),
});
export type CountCriteriaInput = z.infer<typeof countCriteriaInputSchema>;

export const countWithSampleSchema = z.object({
  count: z.number().int(),
  /** The first members by name, masked as in the contacts list; present when asked for. */
  sample: z.array(personListItemSchema).optional(),
});

export const audienceRefSchema = z.object({ kind: z.enum(['segment', 'list']), id: z.uuid() });
export type AudienceRef = z.infer<typeof audienceRefSchema>;

export const overlapInputSchema = z.object({ sets: z.array(audienceRefSchema).min(2).max(3) });
export type OverlapInput = z.infer<typeof overlapInputSchema>;

export const overlapSchema = z.object({
  /** Size of each set, in the order given. */
  totals: z.array(z.number().int()),
  /** People in exactly the sets listed (indexes into `sets`), for every non-empty combination. */
  regions: z.array(z.object({ sets: z.array(z.number().int()), count: z.number().int() })),
  /** People in at least one set. */
  union: z.number().int(),
});
export type Overlap = z.infer<typeof overlapSchema>;

export const segmentHistorySchema = z.object({
  data: z.array(z.object({ day: z.string(), count: z.number().int() })),
});

export const listSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    memberCount: z.number().int(),
    /** The segment this list was a snapshot of, if any. */
    sourceSegmentId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StaticList' });
export type StaticList = z.infer<typeof listSchema>;

export const createListInputSchema = z.object({ name, description });
export type CreateListInput = z.infer<typeof createListInputSchema>;

export const updateListInputSchema = z.object({ name: name.optional(), description });
export type UpdateListInput = z.infer<typeof updateListInputSchema>;

export const snapshotInputSchema = z.object({ name, description });

export const listMembersInputSchema = z
  .object({
    add: z.array(z.uuid()).max(10_000).optional(),
    remove: z.array(z.uuid()).max(10_000).optional(),
  })
  .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) > 0, 'add ou remove est attendu');
export type ListMembersInput = z.infer<typeof listMembersInputSchema>;

export const listMembersResultSchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  memberCount: z.number().int(),
});

export const membersQuerySchema = z.object({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
