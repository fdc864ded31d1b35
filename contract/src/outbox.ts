import { z } from 'zod';

/** An email kept on the machine (no SMTP server configured) or whose delivery failed. */
export const outboxMailSchema = z
  .object({
    id: z.uuid(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    createdAt: z.string(),
    /** `kept`: never sent (no SMTP); `failed`: the SMTP server refused it (see `error`). */
    status: z.enum(['kept', 'sent', 'failed']),
    error: z.string().nullable(),
  })
  .meta({ id: 'OutboxMail' });
export type OutboxMail = z.infer<typeof outboxMailSchema>;
