import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ status: z.enum(['ok', 'down']), mode: z.enum(['embedded', 'server']) }),
  jobs: z.object({ status: z.enum(['ok', 'down']) }),
  version: z.string(),
});
