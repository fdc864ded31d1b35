import type {
  CountCriteriaInput,
  CreateSegmentInput,
  CriteriaFields,
  OverlapInput,
  Segment,
  UpdateSegmentInput,
} from '@parterre/contract/segments';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize, can } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { createAudienceService } from './audience.service.ts';
import { criteriaCategories, loadCriteria } from './criteria/criteria-registry.ts';
import { parisDay } from './criteria/criteria-sql.ts';
import { SEGMENTS_PERMISSIONS } from './segments.permissions.ts';
import {
  deleteSegment,
  findSegment,
  findSegmentReferencing,
  insertSegment,
  listSegments,
  listSizeHistory,
  updateSegment,
  upsertSizeSnapshot,
} from './segments.repository.ts';

const summaryOf = (segment: Segment) => ({ name: segment.name, criteria: segment.criteria });

export function createSegmentsService(context: Pick<AppContext, 'database' | 'logger'>) {
  const { db } = context.database;
  const audience = createAudienceService(context);

  async function loadSegment(scope: RequestScope, id: string): Promise<Segment> {
    const segment = await findSegment(db, scope.tenantId, id);
    if (!segment) throw new AppError('segments.not_found');
    return segment;
  }

  /** The registry as the builder renders it: criteria this caller may use, with their value schemas. */
  async function describeFields(scope: RequestScope): Promise<CriteriaFields> {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    const criteria = await loadCriteria(context, scope.tenantId);
    const data = [...criteria.values()]
      .filter((c) => !c.permission || can(scope, c.permission))
      .map((c) => ({
        id: c.id,
        category: c.category,
        label: c.label,
        ...(c.description ? { description: c.description } : {}),
        operators: [...c.operators],
        valueSchema: c.value ? (z.toJSONSchema(c.value, { io: 'input' }) as Record<string, unknown>) : null,
        ...(c.options ? { options: c.options } : {}),
        ...(c.optionsFrom ? { optionsFrom: c.optionsFrom } : {}),
        permission: c.permission ?? null,
        example: c.example,
      }));
    return {
      categories: criteriaCategories().map(({ id, label }) => ({ id, label })),
      data,
    };
  }

  async function listAll(scope: RequestScope, query: { cursor?: string; limit: number }) {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await listSegments(db, scope.tenantId, { after, limit: query.limit + 1 });
    return toPage(rows, query.limit, (s) => [s.name, s.id]);
  }

  async function getSegment(scope: RequestScope, id: string): Promise<Segment> {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    return loadSegment(scope, id);
  }

  /** Saves a segment after compiling its criteria (so that a saved segment is always usable). */
  async function createSegment(scope: RequestScope, input: CreateSegmentInput): Promise<Segment> {
    authorize(scope, SEGMENTS_PERMISSIONS.write);
    const id = newId();
    await audience.conditionOf(scope, input.criteria, { selfId: id });
    return db.transaction(async (tx) => {
      const segment = await insertSegment(tx, {
        id,
        tenantId: scope.tenantId,
        name: input.name,
        description: input.description ?? null,
        criteria: input.criteria,
        userId: actorOf(scope).actorId,
      });
      await recordAudit(tx, scope, {
        action: 'segment.created',
        entityType: 'segment',
        entityId: id,
        after: summaryOf(segment),
      });
      await emitEvent(tx, scope, {
        type: 'segment.created',
        entityType: 'segment',
        entityId: id,
        payload: { name: segment.name },
      });
      return segment;
    });
  }

  async function changeSegment(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdateSegmentInput,
  ): Promise<Segment> {
    authorize(scope, SEGMENTS_PERMISSIONS.write);
    const before = await loadSegment(scope, id);
    if (input.criteria) await audience.conditionOf(scope, input.criteria, { selfId: id });
    return db.transaction(async (tx) => {
      const updated = await updateSegment(tx, {
        tenantId: scope.tenantId,
        id,
        version,
        userId: actorOf(scope).actorId,
        changes: input,
      });
      if (!updated) throw new AppError('common.stale', { extensions: { current: before } });
      await recordAudit(tx, scope, {
        action: 'segment.updated',
        entityType: 'segment',
        entityId: id,
        before: summaryOf(before),
        after: summaryOf(updated),
      });
      await emitEvent(tx, scope, { type: 'segment.updated', entityType: 'segment', entityId: id });
      return updated;
    });
  }

  /** Refused while another segment's criteria name this one. */
  async function removeSegment(scope: RequestScope, id: string): Promise<void> {
    authorize(scope, SEGMENTS_PERMISSIONS.write);
    const before = await loadSegment(scope, id);
    const user = await findSegmentReferencing(db, scope.tenantId, id);
    if (user) throw new AppError('segments.in_use', { details: { name: user.name } });
    await db.transaction(async (tx) => {
      if (!(await deleteSegment(tx, scope.tenantId, id))) throw new AppError('segments.not_found');
      await recordAudit(tx, scope, {
        action: 'segment.deleted',
        entityType: 'segment',
        entityId: id,
        before: summaryOf(before),
      });
      await emitEvent(tx, scope, { type: 'segment.deleted', entityType: 'segment', entityId: id });
    });
  }

  async function countSegment(scope: RequestScope, id: string) {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    const segment = await loadSegment(scope, id);
    return { count: await audience.countWhere(scope, await audience.conditionOf(scope, segment.criteria)) };
  }

  /** Count of an unsaved tree, with a few members (by name) when asked and allowed. */
  async function countCriteria(scope: RequestScope, input: CountCriteriaInput) {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    const where = await audience.conditionOf(scope, input.criteria);
    const count = await audience.countWhere(scope, where);
    if (!input.sample) return { count };
    const { data } = await audience.membersPage(scope, where, { limit: input.sample });
    return { count, sample: data };
  }

  async function listMembers(scope: RequestScope, id: string, page: { cursor?: string; limit: number }) {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    const segment = await loadSegment(scope, id);
    return audience.membersPage(scope, await audience.conditionOf(scope, segment.criteria), page);
  }

  async function overlapOf(scope: RequestScope, input: OverlapInput) {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    return audience.overlap(scope, input.sets);
  }

  async function sizeHistory(scope: RequestScope, id: string) {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    await loadSegment(scope, id);
    return { data: await listSizeHistory(db, scope.tenantId, id) };
  }

  /** Today's count of one segment (France's day); idempotent. Run by the daily job as the system. */
  async function snapshotSize(scope: RequestScope, id: string, now = new Date()): Promise<number | null> {
    const segment = await findSegment(db, scope.tenantId, id);
    if (!segment) return null;
    const count = await audience.countWhere(
      scope,
      await audience.conditionOf(scope, segment.criteria, { now }),
    );
    await upsertSizeSnapshot(db, { tenantId: scope.tenantId, segmentId: id, day: parisDay(now), count });
    return count;
  }

  return {
    describeFields,
    listAll,
    getSegment,
    createSegment,
    changeSegment,
    removeSegment,
    countSegment,
    countCriteria,
    listMembers,
    overlapOf,
    sizeHistory,
    snapshotSize,
  };
}

export type SegmentsService = ReturnType<typeof createSegmentsService>;
