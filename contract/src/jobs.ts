import { z } from 'zod';

export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

export const jobSchema = z
  .object({
    id: z.uuid(),
    /** What the job does, e.g. `contacts.export`, `intake.import`. */
    type: z.string(),
    status: jobStatusSchema,
    progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
    result: z.unknown().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof jobSchema>;
