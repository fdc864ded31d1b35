import { z } from 'zod';
import { pageQuerySchema } from './common.ts';

/**
 * `department`: the note's department only (and `admin.all_departments`); `all`: anyone who reads the
 * contact.
 */
export const noteVisibilitySchema = z.enum(['department', 'all']);

export const noteSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid().nullable(),
    organisationId: z.uuid().nullable(),
    body: z.string(),
    visibility: noteVisibilitySchema,
    departmentId: z.uuid().nullable(),
    createdAt: z.string(),
    /** Author's user id. */
    createdBy: z.uuid().nullable(),
    updatedAt: z.string(),
    updatedBy: z.uuid().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Note' });
export type Note = z.infer<typeof noteSchema>;

export const createNoteInputSchema = z
  .object({
    body: z.string().trim().min(1).max(20_000),
    visibility: noteVisibilitySchema.optional(),
    /** Defaults to the author's first department. */
    departmentId: z.uuid().optional(),
  })
  .meta({ id: 'CreateNote' });
export type CreateNoteInput = z.infer<typeof createNoteInputSchema>;

export const updateNoteInputSchema = z
  .object({
    body: z.string().trim().min(1).max(20_000).optional(),
    visibility: noteVisibilitySchema.optional(),
  })
  .meta({ id: 'UpdateNote' });
export type UpdateNoteInput = z.infer<typeof updateNoteInputSchema>;

export const listNotesQuerySchema = pageQuerySchema;
