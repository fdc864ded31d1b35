import {
  type BulkActionInput,
  type BulkActionResult,
  bulkActionSchema,
  contactFilterSchema,
} from '@parterre/contract/contact-lists';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudits } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, defineErrors } from '../../platform/errors.ts';
import { emitEvents } from '../../platform/events.ts';
import { defineJob } from '../../platform/jobs.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { canReadSensitive, jobActorScope, LIST_PERMISSIONS } from './contacts-list.access.ts';
import { countPeople, listPeopleIds } from './contacts-list.repository.ts';
import { compileSelection } from './contacts-list.service.ts';
import { queryRows, toIso, uuidArray } from './contacts-list.sql.ts';

defineErrors({
  'contact_lists.confirm_required': {
    status: 400,
    fr: 'Confirmez la suppression groupée (`confirm: true`).',
    en: 'Confirm the bulk deletion (`confirm: true`).',
  },
  'contact_lists.unknown_department': { status: 400, fr: 'Service inconnu.', en: 'Unknown department.' },
});

/** Up to this many rows are handled during the request; beyond, a job does it. */
export const BULK_SYNC_LIMIT = 1000;
const CHUNK_SIZE = 1000;

const bulkPayloadSchema = z.object({
  action: bulkActionSchema,
  ids: z.array(z.uuid()).optional(),
  filter: contactFilterSchema.optional(),
  tag: z.string().optional(),
  departmentId: z.uuid().nullable().optional(),
  canReadSensitive: z.boolean(),
  /** Who asked: the audit trail and the events name them, not the job. */
  actor: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }),
});
type BulkPayload = z.infer<typeof bulkPayloadSchema>;

type Change = { id: string; before: Record<string, unknown>; after: Record<string, unknown> };

/**
 * Applies the action to one chunk in one transaction, skipping rows already in the wanted state, so
 * that a retried job redoes nothing. Audit rows and events are written in batches, one per person.
 */
async function applyChunk(
  db: DbOrTx,
  scope: RequestScope,
  payload: BulkPayload,
  ids: string[],
  reason: string,
) {
  const { actorId } = actorOf(scope);
  const tag = payload.tag ?? '';
  const department = payload.departmentId ?? null;
  const set = {
    tag: sql`tags = array_append(p.tags, ${tag}::text)`,
    untag: sql`tags = array_remove(p.tags, ${tag}::text)`,
    set_department: sql`department_id = ${department}::uuid`,
    delete: sql`deleted_at = now(), deleted_by = ${actorId}::uuid`,
  }[payload.action];
  const pending = {
    tag: sql`NOT (tags @> ARRAY[${tag}::text])`,
    untag: sql`tags @> ARRAY[${tag}::text]`,
    set_department: sql`department_id IS DISTINCT FROM ${department}::uuid`,
    delete: sql`true`,
  }[payload.action];
  return db.transaction(async (tx) => {
    const rows = await queryRows(
      tx,
      sql`
      WITH target AS (
        SELECT id, tags, department_id FROM people
        WHERE tenant_id = ${scope.tenantId}::uuid AND id = ANY(${uuidArray(ids)})
          AND deleted_at IS NULL AND merged_into_id IS NULL AND ${pending}
        FOR UPDATE)
      UPDATE people p SET ${set}, version = p.version + 1, updated_at = now(), updated_by = ${actorId}::uuid
      FROM target WHERE p.id = target.id
      RETURNING p.id, target.tags AS old_tags, target.department_id AS old_department, p.tags, p.deleted_at`,
    );
    if (rows.length === 0) return 0;
    const changes: Change[] = rows.map((row) => {
      const id = String(row.id);
      if (payload.action === 'delete') {
        return { id, before: { deletedAt: null }, after: { deletedAt: toIso(row.deleted_at) } };
      }
      if (payload.action === 'set_department') {
        return { id, before: { departmentId: row.old_department }, after: { departmentId: department } };
      }
      return { id, before: { tags: row.old_tags }, after: { tags: row.tags } };
    });
    const type = payload.action === 'delete' ? 'contact.deleted' : 'contact.updated';
    await recordAudits(
      tx,
      scope,
      changes.map((change) => ({
        action: type,
        entityType: 'person',
        entityId: change.id,
        before: change.before,
        after: change.after,
        reason,
      })),
    );
    await emitEvents(
      tx,
      scope,
      changes.map((change) => ({
        type,
        entityType: 'person',
        entityId: change.id,
        subjects: [change.id],
        payload:
          type === 'contact.deleted'
            ? { bulk: true }
            : { bulk: true, action: payload.action, tag: payload.tag, changes: Object.keys(change.after) },
      })),
    );
    return changes.length;
  });
}

/** Runs the action over the whole selection, chunk by chunk, in id order. */
async function runBulk(
  db: DbOrTx,
  scope: RequestScope,
  payload: BulkPayload,
  options: { reason: string; onChunk?: (done: number, total: number) => Promise<void> },
) {
  const { where } = await compileSelection(db, {
    tenantId: scope.tenantId,
    canReadSensitive: payload.canReadSensitive,
    selection: { ids: payload.ids, filter: payload.filter },
  });
  const total = await countPeople(db, { tenantId: scope.tenantId, where });
  let done = 0;
  let affected = 0;
  let afterId: string | undefined;
  await options.onChunk?.(0, total);
  for (;;) {
    const ids = await listPeopleIds(db, { tenantId: scope.tenantId, where, afterId, limit: CHUNK_SIZE });
    if (ids.length === 0) break;
    affected += await applyChunk(db, scope, payload, ids, options.reason);
    done += ids.length;
    afterId = ids[ids.length - 1];
    await options.onChunk?.(done, Math.max(done, total));
  }
  return { affected, processed: done };
}

export const contactsBulkJob = defineJob({
  type: 'contacts.bulk',
  version: 1,
  payload: bulkPayloadSchema,
  async run(job, payload) {
    const scope = jobActorScope(job.scope.tenantId, payload.actor, job.scope);
    const result = await runBulk(job.database.db, scope, payload, {
      reason: `Action groupée (tâche ${job.jobId})`,
      onChunk: async (done, total) => {
        await job.throwIfCancelled();
        await job.reportProgress(done, total);
      },
    });
    await job.reportProgress(result.processed, result.processed);
    return result;
  },
});

export function createContactBulkService(context: AppContext) {
  const db = context.database.db;

  /**
   * Tags, untags, moves to a department or deletes (softly) the selected people: at once up to
   * BULK_SYNC_LIMIT rows, else in a background job whose id is returned.
   */
  async function runAction(scope: RequestScope, input: BulkActionInput): Promise<BulkActionResult> {
    authorize(scope, input.action === 'delete' ? LIST_PERMISSIONS.delete : LIST_PERMISSIONS.write);
    if (input.action === 'delete' && input.confirm !== true)
      throw new AppError('contact_lists.confirm_required');
    if (input.action === 'set_department' && input.departmentId) {
      const found = await queryRows(
        db,
        sql`SELECT 1 FROM departments WHERE tenant_id = ${scope.tenantId}::uuid AND id = ${input.departmentId}::uuid`,
      );
      if (found.length === 0) throw new AppError('contact_lists.unknown_department');
      authorize(scope, LIST_PERMISSIONS.write, { departmentId: input.departmentId });
    }
    const { actorId, actorName } = actorOf(scope);
    const payload: BulkPayload = {
      action: input.action,
      ids: input.ids,
      filter: input.filter,
      tag: input.tag,
      departmentId: input.departmentId,
      canReadSensitive: canReadSensitive(scope),
      actor: { id: actorId, name: actorName },
    };
    // Compiling first reports a bad filter as 400 before anything is queued.
    const { where } = await compileSelection(db, {
      tenantId: scope.tenantId,
      canReadSensitive: payload.canReadSensitive,
      selection: { ids: input.ids, filter: input.filter },
    });
    const size = input.ids ? input.ids.length : await countPeople(db, { tenantId: scope.tenantId, where });
    if (size > BULK_SYNC_LIMIT) {
      return { affected: null, jobId: await context.jobs.enqueue(scope, contactsBulkJob, payload) };
    }
    const { affected } = await runBulk(db, scope, payload, { reason: 'Action groupée' });
    return { affected, jobId: null };
  }

  return { runAction };
}
