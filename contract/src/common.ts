import { z } from 'zod';

export const uuidSchema = z.uuid();

/** RFC 9457 problem details, with Parterre's stable `code` and per-field errors. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** Stable machine-readable code, e.g. `contacts.not_found`. */
    code: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), code: z.string().optional(), message: z.string() }))
      .optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

/** Every list answers `{data, nextCursor}`; pass `nextCursor` back as `cursor` for the next page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { data: T[]; nextCursor: string | null };

export const pageQuerySchema = z.object({
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor: z.string().optional(),
  /** Page size, 1 to 500 (default 50). */
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const idParamsSchema = z.object({ id: z.uuid() });

export const isoDateTime = z.iso.datetime({ offset: true });
