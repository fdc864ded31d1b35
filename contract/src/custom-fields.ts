import { z } from 'zod';

export const customFieldEntitySchema = z.enum(['person', 'organisation']);
export type CustomFieldEntity = z.infer<typeof customFieldEntitySchema>;

export const customFieldTypeSchema = z.enum([
  'text',
  'long_text',
  'number',
  'date',
  'boolean',
  'choice',
  'multi_choice',
  'url',
  'email',
  'phone',
]);
export type CustomFieldType = z.infer<typeof customFieldTypeSchema>;

export const customFieldSchema = z
  .object({
    id: z.uuid(),
    entity: customFieldEntitySchema,
    /** Stable identifier used in `customFields` of people and organisations. */
    key: z.string(),
    /** Label shown in the interface. */
    label: z.string(),
    type: customFieldTypeSchema,
    /** Allowed values of `choice` and `multi_choice` fields. */
    options: z.array(z.string()),
    /** Must be filled when a record is created. */
    required: z.boolean(),
    /** Masked for users without `contacts.read_sensitive`. */
    sensitive: z.boolean(),
    position: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CustomField' });
export type CustomField = z.infer<typeof customFieldSchema>;

const options = z.array(z.string().trim().min(1).max(200)).max(500);

export const createCustomFieldInputSchema = z
  .object({
    entity: customFieldEntitySchema,
    /** Lower-case letters, digits and underscores, starting with a letter. */
    key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, {
      error: 'Identifiant attendu : lettres minuscules, chiffres et « _ », commençant par une lettre',
    }),
    label: z.string().trim().min(1).max(200),
    type: customFieldTypeSchema,
    options: options.optional(),
    required: z.boolean().optional(),
    sensitive: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .meta({ id: 'CreateCustomField' });
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldInputSchema>;

/** Entity, key and type are fixed once created: stored values depend on them. */
export const updateCustomFieldInputSchema = z
  .object({
    label: z.string().trim().min(1).max(200).optional(),
    options: options.optional(),
    required: z.boolean().optional(),
    sensitive: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .meta({ id: 'UpdateCustomField' });
export type UpdateCustomFieldInput = z.infer<typeof updateCustomFieldInputSchema>;

export const listCustomFieldsQuerySchema = z.object({ entity: customFieldEntitySchema.optional() });
