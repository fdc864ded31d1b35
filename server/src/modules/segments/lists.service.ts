import type {
  CreateListInput,
  ListMembersInput,
  StaticList,
  UpdateListInput,
} from '@parterre/contract/segments';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { createAudienceService } from './audience.service.ts';
import {
  addMembers,
  addMembersWhere,
  deleteList,
  findList,
  findUnknownPeople,
  insertList,
  listLists,
  listMembership,
  removeMembers,
  touchList,
  updateList,
} from './lists.repository.ts';
import { SEGMENTS_PERMISSIONS } from './segments.permissions.ts';
import { findSegment } from './segments.repository.ts';

const summaryOf = (list: StaticList) => ({ name: list.name, description: list.description });

/** Static lists: hand-picked people, or a segment's members frozen at a moment. */
export function createListsService(context: Pick<AppContext, 'database' | 'logger'>) {
  const { db } = context.database;
  const audience = createAudienceService(context);

  async function loadList(scope: RequestScope, id: string): Promise<StaticList> {
    const list = await findList(db, scope.tenantId, id);
    if (!list) throw new AppError('lists.not_found');
    return list;
  }

  async function listAll(scope: RequestScope, query: { cursor?: string; limit: number }) {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await listLists(db, scope.tenantId, { after, limit: query.limit + 1 });
    return toPage(rows, query.limit, (l) => [l.name, l.id]);
  }

  async function getList(scope: RequestScope, id: string): Promise<StaticList> {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    return loadList(scope, id);
  }

  async function createList(scope: RequestScope, input: CreateListInput): Promise<StaticList> {
    authorize(scope, SEGMENTS_PERMISSIONS.write);
    const id = newId();
    await db.transaction(async (tx) => {
      await insertList(tx, {
        id,
        tenantId: scope.tenantId,
        name: input.name,
        description: input.description ?? null,
        userId: actorOf(scope).actorId,
      });
      await recordAudit(tx, scope, {
        action: 'list.created',
        entityType: 'list',
        entityId: id,
        after: input,
      });
      await emitEvent(tx, scope, { type: 'list.created', entityType: 'list', entityId: id });
    });
    return loadList(scope, id);
  }

  /** A new list holding the segment's members of this moment. */
  async function snapshotSegment(
    scope: RequestScope,
    segmentId: string,
    input: CreateListInput,
  ): Promise<StaticList> {
    authorize(scope, SEGMENTS_PERMISSIONS.write);
    const segment = await findSegment(db, scope.tenantId, segmentId);
    if (!segment) throw new AppError('segments.not_found');
    const where = await audience.conditionOf(scope, segment.criteria);
    const id = newId();
    await db.transaction(async (tx) => {
      await insertList(tx, {
        id,
        tenantId: scope.tenantId,
        name: input.name,
        description: input.description ?? null,
        sourceSegmentId: segmentId,
        userId: actorOf(scope).actorId,
      });
      const members = await addMembersWhere(tx, scope.tenantId, id, where);
      await recordAudit(tx, scope, {
        action: 'list.created',
        entityType: 'list',
        entityId: id,
        after: { ...input, sourceSegmentId: segmentId, members },
      });
      await emitEvent(tx, scope, {
        type: 'list.created',
        entityType: 'list',
        entityId: id,
        payload: { sourceSegmentId: segmentId, members },
      });
    });
    return loadList(scope, id);
  }

  async function changeList(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdateListInput,
  ): Promise<StaticList> {
    authorize(scope, SEGMENTS_PERMISSIONS.write);
    const before = await loadList(scope, id);
    await db.transaction(async (tx) => {
      const userId = actorOf(scope).actorId;
      if (!(await updateList(tx, { tenantId: scope.tenantId, id, version, userId, changes: input }))) {
        throw new AppError('common.stale', { extensions: { current: before } });
      }
      await recordAudit(tx, scope, {
        action: 'list.updated',
        entityType: 'list',
        entityId: id,
        before: summaryOf(before),
        after: input,
      });
      await emitEvent(tx, scope, { type: 'list.updated', entityType: 'list', entityId: id });
    });
    return loadList(scope, id);
  }

  async function removeList(scope: RequestScope, id: string): Promise<void> {
    authorize(scope, SEGMENTS_PERMISSIONS.write);
    const before = await loadList(scope, id);
    await db.transaction(async (tx) => {
      if (!(await deleteList(tx, scope.tenantId, id))) throw new AppError('lists.not_found');
      await recordAudit(tx, scope, {
        action: 'list.deleted',
        entityType: 'list',
        entityId: id,
        before: summaryOf(before),
      });
      await emitEvent(tx, scope, { type: 'list.deleted', entityType: 'list', entityId: id });
    });
  }

  /** Adds then removes people; unknown or deleted people refuse the whole change (400). */
  async function changeMembers(scope: RequestScope, id: string, input: ListMembersInput) {
    authorize(scope, SEGMENTS_PERMISSIONS.write);
    await loadList(scope, id);
    const add = [...new Set(input.add ?? [])];
    const remove = [...new Set(input.remove ?? [])];
    const unknown = await findUnknownPeople(db, scope.tenantId, add);
    if (unknown.length > 0) {
      throw new AppError('lists.unknown_people', {
        details: { ids: unknown.slice(0, 10).join(', ') },
        fieldErrors: [{ path: 'body.add', message: unknown.join(', ') }],
      });
    }
    const result = await db.transaction(async (tx) => {
      const added = await addMembers(tx, scope.tenantId, id, add);
      const removed = await removeMembers(tx, scope.tenantId, id, remove);
      await touchList(tx, scope.tenantId, id, actorOf(scope).actorId);
      await recordAudit(tx, scope, {
        action: 'list.members_changed',
        entityType: 'list',
        entityId: id,
        after: { add, remove, added, removed },
      });
      await emitEvent(tx, scope, {
        type: 'list.members_changed',
        entityType: 'list',
        entityId: id,
        subjects: [...add, ...remove],
        payload: { added, removed },
      });
      return { added, removed };
    });
    const list = await loadList(scope, id);
    return { ...result, memberCount: list.memberCount };
  }

  async function listMembers(scope: RequestScope, id: string, page: { cursor?: string; limit: number }) {
    authorize(scope, SEGMENTS_PERMISSIONS.read);
    await loadList(scope, id);
    return audience.membersPage(scope, listMembership(scope.tenantId, id), page);
  }

  return {
    listAll,
    getList,
    createList,
    snapshotSegment,
    changeList,
    removeList,
    changeMembers,
    listMembers,
  };
}

export type ListsService = ReturnType<typeof createListsService>;
