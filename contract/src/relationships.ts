import { z } from 'zod';

/**
 * employment: person → organisation (role, dates); household, family, other: person ↔ person
 * (symmetric); parent: organisation → its subsidiary; member: organisation → the network it belongs to.
 */
export const relationshipKindSchema = z.enum([
  'employment',
  'household',
  'family',
  'other',
  'parent',
  'member',
]);
export type RelationshipKind = z.infer<typeof relationshipKindSchema>;

export const relationshipSchema = z
  .object({
    id: z.uuid(),
    kind: relationshipKindSchema,
    fromPersonId: z.uuid().nullable(),
    fromOrganisationId: z.uuid().nullable(),
    toPersonId: z.uuid().nullable(),
    toOrganisationId: z.uuid().nullable(),
    /** Job title for employment ("Directrice"), or how two people are related ("sœur"). */
    role: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Relationship' });
export type Relationship = z.infer<typeof relationshipSchema>;

const dates = {
  startDate: z.iso.date().nullish(),
  endDate: z.iso.date().nullish(),
};

export const createRelationshipInputSchema = z
  .object({
    kind: relationshipKindSchema,
    /** Exactly one of `fromPersonId` and `fromOrganisationId`. */
    fromPersonId: z.uuid().optional(),
    fromOrganisationId: z.uuid().optional(),
    /** Exactly one of `toPersonId` and `toOrganisationId`. */
    toPersonId: z.uuid().optional(),
    toOrganisationId: z.uuid().optional(),
    role: z.string().trim().max(200).nullish(),
    ...dates,
  })
  .meta({ id: 'CreateRelationship' });
export type CreateRelationshipInput = z.infer<typeof createRelationshipInputSchema>;

/** The kind and both ends are fixed; delete and recreate to change them. */
export const updateRelationshipInputSchema = z
  .object({ role: z.string().trim().max(200).nullish(), ...dates })
  .meta({ id: 'UpdateRelationship' });
export type UpdateRelationshipInput = z.infer<typeof updateRelationshipInputSchema>;

/** A relationship as seen from one of its ends. */
export const relationshipViewSchema = z
  .object({
    id: z.uuid(),
    kind: relationshipKindSchema,
    /** `outgoing` when the record viewed is the `from` end. */
    direction: z.enum(['outgoing', 'incoming']),
    counterpart: z.object({
      type: z.enum(['person', 'organisation']),
      id: z.uuid(),
      name: z.string(),
    }),
    /** Localised, from the viewed record's side: "Directrice de Théâtre X", "Filiale de Y". */
    label: z.string(),
    role: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    /** False once `endDate` has passed. */
    current: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'RelationshipView' });
export type RelationshipView = z.infer<typeof relationshipViewSchema>;
