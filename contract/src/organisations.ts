import { z } from 'zod';
import { pageQuerySchema, problemSchema } from './common.ts';
import {
  addressInputSchema,
  addressSchema,
  emailInputSchema,
  emailSchema,
  phoneInputSchema,
  phoneSchema,
} from './contacts.ts';

export const organisationTypeSchema = z.enum([
  'entreprise',
  'fondation',
  'association',
  'etablissement_scolaire',
  'collectivite',
  'media',
  'autre',
]);
export type OrganisationType = z.infer<typeof organisationTypeSchema>;

const text = (max: number) => z.string().trim().max(max);

const organisationFields = {
  name: text(300).min(1),
  type: organisationTypeSchema.optional(),
  /** 9 digits with a valid check digit; spaces are ignored. */
  siren: text(20).nullish(),
  /** 14 digits; its first 9 must equal the SIREN when both are given. */
  siret: text(25).nullish(),
  /** http(s) address; `https://` is added when the scheme is missing. */
  website: text(500).nullish(),
  departmentId: z.uuid().nullish(),
  /** Replaces the whole list when given. */
  emails: z.array(emailInputSchema).max(50).optional(),
  phones: z.array(phoneInputSchema).max(50).optional(),
  addresses: z.array(addressInputSchema).max(20).optional(),
  tags: z.array(text(100).min(1)).max(200).optional(),
  /** Values keyed by custom field `key`; on update, given keys are merged and `null` clears one. */
  customFields: z.record(z.string(), z.unknown()).optional(),
  externalIds: z.record(text(50).min(1), text(200).nullable()).optional(),
};

export const createOrganisationInputSchema = z.object(organisationFields).meta({ id: 'CreateOrganisation' });
export type CreateOrganisationInput = z.infer<typeof createOrganisationInputSchema>;

export const updateOrganisationInputSchema = z
  .object({ ...organisationFields, name: organisationFields.name.optional() })
  .meta({ id: 'UpdateOrganisation' });
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationInputSchema>;

export const organisationLinkSchema = z.object({
  relationshipId: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
});

export const organisationMemberSchema = z.object({
  relationshipId: z.uuid(),
  personId: z.uuid(),
  /** Display name of the person. */
  name: z.string(),
  role: z.string().nullable(),
});

export const organisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: organisationTypeSchema,
    siren: z.string().nullable(),
    siret: z.string().nullable(),
    website: z.string().nullable(),
    departmentId: z.uuid().nullable(),
    emails: z.array(emailSchema),
    phones: z.array(phoneSchema),
    addresses: z.array(addressSchema),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.unknown()),
    externalIds: z.record(z.string(), z.string()),
    /** People currently employed (employment relationships). */
    members: z.array(organisationMemberSchema),
    /** Parent organisations ("maison mère"). */
    parents: z.array(organisationLinkSchema),
    /** Subsidiaries ("filiales"). */
    children: z.array(organisationLinkSchema),
    createdAt: z.string(),
    createdBy: z.uuid().nullable(),
    updatedAt: z.string(),
    updatedBy: z.uuid().nullable(),
    version: z.number().int(),
    deletedAt: z.string().nullable(),
    /** Fields hidden from the caller: `customFields.<key>`. */
    masked: z.array(z.string()),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: organisationTypeSchema,
    siren: z.string().nullable(),
    city: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    tags: z.array(z.string()),
    version: z.number().int(),
  })
  .meta({ id: 'OrganisationSummary' });
export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;

export const listOrganisationsQuerySchema = pageQuerySchema.extend({
  /** Part of the name, accents and case ignored. */
  q: z.string().trim().max(200).optional(),
  type: organisationTypeSchema.optional(),
});
export type ListOrganisationsQuery = z.infer<typeof listOrganisationsQuerySchema>;

export const staleOrganisationProblemSchema = problemSchema
  .extend({ current: organisationSchema.optional() })
  .meta({ id: 'StaleOrganisationProblem' });
