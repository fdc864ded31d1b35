import { z } from 'zod';
import { isoDateTime, pageQuerySchema } from './common.ts';

/** One line of the append-only audit trail: who did what, when, from where, before → after. */
export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.string(),
    /** The user (or token owner) who acted; null for the system or an anonymous attempt. */
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    ip: z.string().nullable(),
    /** `<entity>.<verb>`, e.g. `user.updated`, `auth.login_failed`, `contact.view`. */
    action: z.string(),
    entityType: z.string(),
    entityId: z.uuid().nullable(),
    /** State before the change (secrets masked); null for a creation or an access. */
    before: z.unknown().nullable(),
    /** State after the change, or what was accessed. */
    after: z.unknown().nullable(),
    /** Justification given with the change, if any. */
    reason: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = pageQuerySchema.extend({
  actorId: z.uuid().optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  /** Inclusive lower bound on `at`. */
  from: isoDateTime.optional(),
  /** Exclusive upper bound on `at`. */
  to: isoDateTime.optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
