import { z } from 'zod';
import { problemSchema } from './common.ts';

/** Whether a coordinate can be used: `invalid` ones come from imports and await correction. */
export const validitySchema = z.enum(['valid', 'invalid', 'bounced', 'unknown']);
export const emailTypeSchema = z.enum(['home', 'work', 'other']);
export const phoneTypeSchema = z.enum(['mobile', 'home', 'work', 'fax', 'other']);
export const addressTypeSchema = z.enum(['home', 'work', 'billing', 'other']);
export const preferredChannelSchema = z.enum(['email', 'sms', 'phone', 'post']);

export const emailSchema = z
  .object({
    id: z.uuid(),
    /** Trimmed and lower-cased. */
    address: z.string(),
    type: emailTypeSchema,
    /** Exactly one address of a contact is primary. */
    primary: z.boolean(),
    validity: validitySchema,
  })
  .meta({ id: 'Email' });
export type Email = z.infer<typeof emailSchema>;

export const phoneSchema = z
  .object({
    id: z.uuid(),
    /** International form, e.g. `+33612345678` (as typed when `validity` is `invalid`). */
    e164: z.string(),
    /** For display: `06 12 34 56 78` for French numbers, international form otherwise. */
    national: z.string(),
    type: phoneTypeSchema,
    primary: z.boolean(),
    validity: validitySchema,
  })
  .meta({ id: 'Phone' });
export type Phone = z.infer<typeof phoneSchema>;

export const addressSchema = z
  .object({
    id: z.uuid(),
    type: addressTypeSchema,
    primary: z.boolean(),
    validity: validitySchema,
    line1: z.string().nullable(),
    line2: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    /** ISO 3166-1 alpha-2 (`FR`…); `ZZ` when an import named a country we could not recognise. */
    country: z.string(),
    /** Commune code (COG) found from a French postal code and city. */
    inseeCode: z.string().nullable(),
    departementCode: z.string().nullable(),
    departementName: z.string().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof addressSchema>;

const text = (max: number) => z.string().trim().max(max);

export const emailInputSchema = z.object({
  address: text(320),
  type: emailTypeSchema.optional(),
  /** The first address is primary when none is flagged. */
  primary: z.boolean().optional(),
});
export type EmailInput = z.infer<typeof emailInputSchema>;

export const phoneInputSchema = z.object({
  /** As typed, in any common form ("06 12 34 56 78", "+33 6…", "0033…"); stored in E.164. */
  number: text(40),
  /** Deduced from the number (mobile or other) when absent. */
  type: phoneTypeSchema.optional(),
  primary: z.boolean().optional(),
});
export type PhoneInput = z.infer<typeof phoneInputSchema>;

export const addressInputSchema = z.object({
  type: addressTypeSchema.optional(),
  primary: z.boolean().optional(),
  line1: text(300).nullish(),
  line2: text(300).nullish(),
  /** Checked against the official list of communes when the country is FR. */
  postalCode: text(20).nullish(),
  city: text(200).nullish(),
  region: text(200).nullish(),
  /** ISO 3166-1 alpha-2, FR by default. */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, { error: 'Code pays ISO à deux lettres attendu (FR, BE…)' })
    .nullish(),
});
export type AddressInput = z.infer<typeof addressInputSchema>;

const personFields = {
  civility: text(30).nullish(),
  firstName: text(200).nullish(),
  lastName: text(200).nullish(),
  /** Nom d'usage (e.g. a married name used day to day). */
  usageName: text(200).nullish(),
  /** Sensitive: masked for users without `contacts.read_sensitive`. */
  birthDate: z.iso.date().nullish(),
  /** ISO 639-1 code, e.g. `fr`. */
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { error: 'Code de langue attendu (fr, en…)' })
    .nullish(),
  preferredChannel: preferredChannelSchema.nullish(),
  /** Where the contact came from (`billetterie`, `vcard`, `formulaire`…). */
  source: text(100).nullish(),
  /** Owning department, if any; identity stays shared across departments. */
  departmentId: z.uuid().nullish(),
  /** Replaces the whole list when given. */
  emails: z.array(emailInputSchema).max(50).optional(),
  phones: z.array(phoneInputSchema).max(50).optional(),
  addresses: z.array(addressInputSchema).max(20).optional(),
  tags: z.array(text(100).min(1)).max(200).optional(),
  /** Values keyed by custom field `key`; on update, given keys are merged and `null` clears one. */
  customFields: z.record(z.string(), z.unknown()).optional(),
  /** Source system → id in that system, e.g. `{"billetweb": "A-1234"}`; merged on update. */
  externalIds: z.record(text(50).min(1), text(200).nullable()).optional(),
};

export const createPersonInputSchema = z.object(personFields).meta({ id: 'CreatePerson' });
export type CreatePersonInput = z.infer<typeof createPersonInputSchema>;

export const updatePersonInputSchema = z.object(personFields).meta({ id: 'UpdatePerson' });
export type UpdatePersonInput = z.infer<typeof updatePersonInputSchema>;

export const personOrganisationSchema = z.object({
  relationshipId: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  role: z.string().nullable(),
});

export const personSchema = z
  .object({
    id: z.uuid(),
    civility: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    usageName: z.string().nullable(),
    /** Null when masked (see `masked`). */
    birthDate: z.string().nullable(),
    language: z.string().nullable(),
    preferredChannel: preferredChannelSchema.nullable(),
    source: z.string().nullable(),
    departmentId: z.uuid().nullable(),
    emails: z.array(emailSchema),
    phones: z.array(phoneSchema),
    addresses: z.array(addressSchema),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.unknown()),
    externalIds: z.record(z.string(), z.string()),
    /** Current employment links, for the record page. */
    organisations: z.array(personOrganisationSchema),
    createdAt: z.string(),
    createdBy: z.uuid().nullable(),
    updatedAt: z.string(),
    updatedBy: z.uuid().nullable(),
    /** Send it back in `If-Match` to update. */
    version: z.number().int(),
    /** Set while the person is in the trash (30 days before permanent deletion). */
    deletedAt: z.string().nullable(),
    /** Fields hidden from the caller: `birthDate`, `customFields.<key>`. */
    masked: z.array(z.string()),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof personSchema>;

export const createPersonQuerySchema = z.object({
  /** Refuse with 409 `contacts.probable_duplicate` when a probable duplicate exists. */
  checkDuplicates: z.stringbool().optional(),
  /** Create even when duplicates are found. */
  force: z.stringbool().optional(),
});

export const duplicateCandidateSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    email: z.string().nullable(),
    /** What matched: same email, same phone, same name with same birth date or postal code. */
    reasons: z.array(z.enum(['email', 'phone', 'name'])),
  })
  .meta({ id: 'DuplicateCandidate' });
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/** 409 `contacts.probable_duplicate` carries the candidates. */
export const duplicateProblemSchema = problemSchema
  .extend({ candidates: z.array(duplicateCandidateSchema).optional() })
  .meta({ id: 'DuplicateProblem' });

/** 412 `common.stale` carries the current record so that the client can offer a merge. */
export const stalePersonProblemSchema = problemSchema
  .extend({ current: personSchema.optional() })
  .meta({ id: 'StalePersonProblem' });

export const deletePersonQuerySchema = z.object({
  /** Deletes for good (administrators only) instead of moving to the trash. */
  permanent: z.stringbool().optional(),
});

export const trashItemSchema = z
  .object({
    id: z.uuid(),
    /** Display name (person or organisation). */
    name: z.string(),
    deletedAt: z.string(),
    deletedBy: z.uuid().nullable(),
    /** When the daily job deletes it for good. */
    purgeAt: z.string(),
  })
  .meta({ id: 'TrashItem' });
export type TrashItem = z.infer<typeof trashItemSchema>;

export const BATCH_MAX_ITEMS = 1000;

export const batchCreatePeopleInputSchema = z
  .object({
    /** Up to 1,000 `CreatePersonInput` objects, each validated on its own. */
    items: z
      .array(z.record(z.string(), z.unknown()).meta({ description: 'Un CreatePersonInput' }))
      .min(1)
      .max(BATCH_MAX_ITEMS),
  })
  .meta({ id: 'BatchCreatePeople' });
export type BatchCreatePeopleInput = z.infer<typeof batchCreatePeopleInputSchema>;

export const batchResultSchema = z
  .object({
    results: z.array(
      z.object({
        /** Position of the item in the request. */
        index: z.number().int(),
        status: z.enum(['created', 'error']),
        id: z.uuid().optional(),
        error: problemSchema.optional(),
      }),
    ),
  })
  .meta({ id: 'BatchResult' });
export type BatchResult = z.infer<typeof batchResultSchema>;

export const exportVCardInputSchema = z.object({ ids: z.array(z.uuid()).min(1).max(1000) });

export const vCardImportResultSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    cards: z.array(
      z.object({
        index: z.number().int(),
        id: z.uuid().nullable(),
        status: z.enum(['created', 'updated', 'error']),
      }),
    ),
    /** One entry per card that could not be imported. */
    errors: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
  })
  .meta({ id: 'VCardImportResult' });
export type VCardImportResult = z.infer<typeof vCardImportResultSchema>;
