import { z } from 'zod';

export const timelineQuerySchema = z.object({
  /** Comma-separated type prefixes, e.g. `contact,note` (matches `contact.*` and `note.*`). */
  types: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*(,[a-z_]+(\.[a-z_]+)*)*$/)
    .optional(),
  /** Only what this department owns. */
  departmentId: z.uuid().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const timelineEntrySchema = z
  .object({
    id: z.uuid(),
    /** `<entity>.<verb>`, e.g. `contact.created`, `note.added`, `order.imported`. */
    type: z.string(),
    occurredAt: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    departmentId: z.uuid().nullable(),
    /** French sentence for the history, e.g. « Note ajoutée (Billetterie) ». */
    summary: z.string(),
    /** The event's details; a note's body is removed when the caller may not read the note. */
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelinePageSchema = z.object({
  data: z.array(timelineEntrySchema),
  nextCursor: z.string().nullable(),
});
