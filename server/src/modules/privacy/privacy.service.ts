import type {
  CreatePrivacyRequestInput,
  PrivacyRequest,
  PrivacyRequestListQuery,
  UpdatePrivacyRequestInput,
} from '@parterre/contract/privacy';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAccess, recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { findUserById } from '../accounts/users.repository.ts';
import { subjectExists } from '../contacts/timeline.repository.ts';
import { PRIVACY_PERMISSIONS } from './privacy.permissions.ts';
import {
  countOpenPrivacyRequests,
  findPrivacyRequest,
  insertPrivacyRequest,
  listPrivacyRequestRows,
  type PrivacyRequestColumns,
  toPrivacyRequest,
  updatePrivacyRequestColumns,
} from './privacy.repository.ts';
import { ANSWER_MONTHS, addDays, addMonths, parisToday } from './privacy-dates.ts';

/** Refuses with a field error naming the culprit, so a form can show it beside the field. */
function refuse(
  scope: RequestScope,
  code: string,
  path: string,
  details: Record<string, unknown> = {},
): never {
  throw new AppError(code, {
    details,
    fieldErrors: [{ path, code, message: errorMessage(code, scope.locale, details) }],
  });
}

const CLOSING_STATUSES = new Set(['answered', 'refused']);

/**
 * The register of data-subject requests. The deadline is derived, never typed: receipt + one
 * calendar month, or + 1 + the extension's months once it is extended (art. 12.3).
 */
export function createPrivacyService(context: Pick<AppContext, 'database'>) {
  const db = context.database.db;

  async function checkReferences(
    scope: RequestScope,
    tx: DbOrTx,
    input: { personId?: string | null; assigneeId?: string | null },
  ) {
    if (input.personId && !(await subjectExists(tx, scope.tenantId, 'person', input.personId))) {
      refuse(scope, 'privacy.person_not_found', 'body.personId');
    }
    if (input.assigneeId && !(await findUserById(tx, scope.tenantId, input.assigneeId))) {
      refuse(scope, 'privacy.assignee_not_found', 'body.assigneeId');
    }
  }

  /** Sorted by deadline; `dueBefore` keeps the open ones due by that day. Counts cover the register. */
  async function listRequests(scope: RequestScope, query: PrivacyRequestListQuery) {
    authorize(scope, PRIVACY_PERMISSIONS.read);
    const today = parisToday();
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await listPrivacyRequestRows(db, {
      tenantId: scope.tenantId,
      status: query.status,
      kind: query.kind,
      dueBefore: query.dueBefore,
      personId: query.personId,
      after,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (row) => [row.dueOn, row.id]);
    return {
      data: page.data.map((row) => toPrivacyRequest(row, today)),
      nextCursor: page.nextCursor,
      counts: await countOpenPrivacyRequests(db, scope.tenantId, today, addDays(today, 7)),
    };
  }

  async function getRequest(scope: RequestScope, id: string): Promise<PrivacyRequest> {
    authorize(scope, PRIVACY_PERMISSIONS.read);
    const row = await findPrivacyRequest(db, scope.tenantId, id);
    if (!row) throw new AppError('privacy.not_found');
    // The register names people and what they asked: the DPO sees who read it.
    await recordAccess(db, scope, { action: 'view', entityType: 'privacy_request', entityId: id });
    return toPrivacyRequest(row, parisToday());
  }

  /** Registers a request received on `receivedOn` (default today, Paris), due one month later. */
  async function createRequest(
    scope: RequestScope,
    input: CreatePrivacyRequestInput,
  ): Promise<PrivacyRequest> {
    authorize(scope, PRIVACY_PERMISSIONS.manage);
    const today = parisToday();
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today) refuse(scope, 'privacy.received_in_future', 'body.receivedOn');
    const { actorId } = actorOf(scope);
    const id = newId();
    return db.transaction(async (tx) => {
      await checkReferences(scope, tx, input);
      await insertPrivacyRequest(tx, {
        id,
        tenantId: scope.tenantId,
        kind: input.kind,
        personId: input.personId ?? null,
        requesterName: input.requesterName,
        requesterEmail: input.requesterEmail ?? null,
        details: input.details || null,
        receivedOn,
        channel: input.channel,
        dueOn: addMonths(receivedOn, ANSWER_MONTHS),
        assigneeId: input.assigneeId ?? null,
        createdBy: actorId,
        updatedBy: actorId,
      });
      const created = toPrivacyRequest((await findPrivacyRequest(tx, scope.tenantId, id))!, today);
      await recordAudit(tx, scope, {
        action: 'privacy_request.created',
        entityType: 'privacy_request',
        entityId: id,
        after: created,
      });
      await emitEvent(tx, scope, {
        type: 'privacy_request.created',
        entityType: 'privacy_request',
        entityId: id,
        subjects: created.personId ? [created.personId] : [],
        payload: { kind: created.kind, channel: created.channel, dueOn: created.dueOn },
      });
      return created;
    });
  }

  /**
   * Updates at the version the caller read (412 with the current request otherwise). Setting the
   * identity status records who and when; `extension` is accepted once and moves the deadline;
   * `answered` and `refused` need an answer.
   */
  async function updateRequest(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdatePrivacyRequestInput,
  ): Promise<PrivacyRequest> {
    authorize(scope, PRIVACY_PERMISSIONS.manage);
    const today = parisToday();
    const { actorId, actorName } = actorOf(scope);
    return db.transaction(async (tx) => {
      const row = await findPrivacyRequest(tx, scope.tenantId, id, { lock: true });
      if (!row) throw new AppError('privacy.not_found');
      const before = toPrivacyRequest(row, today);
      if (row.version !== version) throw new AppError('common.stale', { extensions: { current: before } });
      await checkReferences(scope, tx, input);
      const columns: PrivacyRequestColumns = { updatedBy: actorId };
      if (input.personId !== undefined) columns.personId = input.personId;
      if (input.requesterName !== undefined) columns.requesterName = input.requesterName;
      if (input.requesterEmail !== undefined) columns.requesterEmail = input.requesterEmail;
      if (input.details !== undefined) columns.details = input.details || null;
      if (input.assigneeId !== undefined) columns.assigneeId = input.assigneeId;
      if (input.identityCheckStatus && input.identityCheckStatus !== row.identityStatus) {
        const checked = input.identityCheckStatus !== 'to_verify';
        columns.identityStatus = input.identityCheckStatus;
        columns.identityCheckedBy = checked ? actorId : null;
        columns.identityCheckedByName = checked ? actorName : null;
        columns.identityCheckedAt = checked ? new Date() : null;
      }
      if (input.extension) {
        if (row.extensionMonths) refuse(scope, 'privacy.already_extended', 'body.extension');
        columns.extensionMonths = input.extension.months;
        columns.extensionReason = input.extension.reason;
        columns.extendedAt = new Date();
        columns.dueOn = addMonths(row.receivedOn, ANSWER_MONTHS + input.extension.months);
      }
      if (input.answer !== undefined) columns.answer = input.answer || null;
      if (input.answeredOn !== undefined) columns.answeredOn = input.answeredOn;
      if (input.status) {
        columns.status = input.status;
        if (CLOSING_STATUSES.has(input.status) && !CLOSING_STATUSES.has(row.status)) {
          columns.answeredOn = columns.answeredOn ?? today;
        }
      }
      const status = columns.status ?? row.status;
      const answer = columns.answer !== undefined ? columns.answer : row.answer;
      if (CLOSING_STATUSES.has(status) && !answer) refuse(scope, 'privacy.answer_required', 'body.answer');
      const answeredOn = columns.answeredOn !== undefined ? columns.answeredOn : row.answeredOn;
      if (answeredOn && answeredOn < row.receivedOn) {
        refuse(scope, 'privacy.answered_before_received', 'body.answeredOn');
      }
      await updatePrivacyRequestColumns(tx, scope.tenantId, id, columns);
      const after = toPrivacyRequest((await findPrivacyRequest(tx, scope.tenantId, id))!, today);
      await recordAudit(tx, scope, {
        action: 'privacy_request.updated',
        entityType: 'privacy_request',
        entityId: id,
        before,
        after,
        reason: input.extension?.reason ?? null,
      });
      const changes = (Object.keys(after) as (keyof PrivacyRequest)[]).filter(
        (key) =>
          !['version', 'updatedAt', 'overdue'].includes(key) &&
          JSON.stringify(after[key]) !== JSON.stringify(before[key]),
      );
      await emitEvent(tx, scope, {
        type: 'privacy_request.updated',
        entityType: 'privacy_request',
        entityId: id,
        subjects: after.personId ? [after.personId] : [],
        payload: { changes, status: after.status, dueOn: after.dueOn },
      });
      return after;
    });
  }

  return { listRequests, getRequest, createRequest, updateRequest };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
