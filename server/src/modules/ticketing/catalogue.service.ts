import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import {
  countCatalogueUsage,
  deleteCatalogueRow,
  findCatalogueRow,
  findCatalogueRowBySource,
  insertCatalogueRow,
  listCatalogueRows,
  missingReferences,
  updateCatalogueRow,
} from './catalogue.repository.ts';
import type { CatalogueResource } from './catalogue.resources.ts';
import { TICKETING_PERMISSIONS } from './ticketing.permissions.ts';
import { isUniqueViolation } from './ticketing.sql.ts';

type Row = Record<string, unknown>;
type Input = Record<string, unknown>;
type Tx = Parameters<Parameters<AppContext['database']['db']['transaction']>[0]>[0];

/** Hand-entered rows are their own source record: source `parterre`, external id = id. */
export const MANUAL_SOURCE = 'parterre';

/**
 * Venues, seasons, productions, performances and price categories: one set of rules for all five
 * (described by `CatalogueResource`), with If-Match on updates and deletion refused while in use.
 */
export function createCatalogueService(context: Pick<AppContext, 'database'>) {
  const db = context.database.db;

  async function checkReferences(tx: Tx, scope: RequestScope, input: Input, resource: CatalogueResource) {
    const missing = await missingReferences(tx, scope.tenantId, resource.references(input));
    if (missing.length > 0) {
      throw new AppError('common.validation', {
        fieldErrors: missing.map((reference) => ({
          path: reference.path,
          code: 'ticketing.unknown_reference',
          message: errorMessage('ticketing.unknown_reference', scope.locale),
        })),
      });
    }
  }

  async function write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('ticketing.duplicate');
      throw error;
    }
  }

  async function list(
    scope: RequestScope,
    resource: CatalogueResource,
    query: { cursor?: string; limit: number } & Record<string, unknown>,
  ) {
    authorize(scope, TICKETING_PERMISSIONS.read);
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const filters = Object.fromEntries(
      Object.keys(resource.filters)
        .filter((name) => typeof query[name] === 'string')
        .map((name) => [name, String(query[name])]),
    );
    const rows = await listCatalogueRows(db, resource, {
      tenantId: scope.tenantId,
      after,
      limit: query.limit + 1,
      filters,
    });
    return toPage(rows.map(resource.toDto), query.limit, (dto) => [resource.sortValue(dto), dto.id]);
  }

  async function get(scope: RequestScope, resource: CatalogueResource, id: string) {
    authorize(scope, TICKETING_PERMISSIONS.read);
    const row = await findCatalogueRow(db, resource, scope.tenantId, id);
    if (!row) throw new AppError('ticketing.not_found');
    return resource.toDto(row);
  }

  async function applyUpdate(
    tx: Tx,
    scope: RequestScope,
    resource: CatalogueResource,
    before: Row,
    input: Input,
  ) {
    await checkReferences(tx, scope, input, resource);
    const row = await updateCatalogueRow(
      tx,
      resource,
      scope.tenantId,
      String(before.id),
      resource.updateColumns(input),
    );
    const after = resource.toDto(row);
    const beforeDto = resource.toDto(before);
    await recordAudit(tx, scope, {
      action: `${resource.entity}.updated`,
      entityType: resource.entity,
      entityId: String(before.id),
      before: beforeDto,
      after,
    });
    const changes = Object.keys(after).filter(
      (key) =>
        !['version', 'updatedAt'].includes(key) &&
        JSON.stringify(after[key]) !== JSON.stringify(beforeDto[key]),
    );
    await emitEvent(tx, scope, {
      type: `${resource.entity}.updated`,
      entityType: resource.entity,
      entityId: String(before.id),
      payload: { changes },
    });
    return after;
  }

  /**
   * Creates a row. With `source` and `externalId`, a row already known under them is updated instead
   * (connectors push their catalogue this way); `created` tells which happened.
   */
  async function create(scope: RequestScope, resource: CatalogueResource, input: Input) {
    authorize(scope, TICKETING_PERMISSIONS.write);
    return write(() =>
      db.transaction(async (tx) => {
        const key =
          resource.sourced && typeof input.source === 'string' && input.source !== MANUAL_SOURCE
            ? { source: input.source, externalId: String(input.externalId) }
            : undefined;
        const existing = key && (await findCatalogueRowBySource(tx, resource, scope.tenantId, key));
        if (existing) {
          return { created: false, dto: await applyUpdate(tx, scope, resource, existing, input) };
        }
        await checkReferences(tx, scope, input, resource);
        const id = newId();
        const row = await insertCatalogueRow(tx, resource, {
          ...resource.createColumns(input),
          id,
          tenantId: scope.tenantId,
          ...(resource.sourced ? (key ?? { source: MANUAL_SOURCE, externalId: id }) : {}),
        });
        const dto = resource.toDto(row);
        await recordAudit(tx, scope, {
          action: `${resource.entity}.created`,
          entityType: resource.entity,
          entityId: id,
          after: dto,
        });
        await emitEvent(tx, scope, {
          type: `${resource.entity}.created`,
          entityType: resource.entity,
          entityId: id,
          payload: { label: dto.name ?? dto.title ?? dto.label ?? null },
        });
        return { created: true, dto };
      }),
    );
  }

  /** Updates at the version the caller read; a stale one is refused with 412 and the current row. */
  async function update(
    scope: RequestScope,
    resource: CatalogueResource,
    id: string,
    version: number,
    input: Input,
  ) {
    authorize(scope, TICKETING_PERMISSIONS.write);
    return write(() =>
      db.transaction(async (tx) => {
        const before = await findCatalogueRow(tx, resource, scope.tenantId, id, { lock: true });
        if (!before) throw new AppError('ticketing.not_found');
        if (before.version !== version) {
          throw new AppError('common.stale', { extensions: { current: resource.toDto(before) } });
        }
        return applyUpdate(tx, scope, resource, before, input);
      }),
    );
  }

  /** Refused (409 `ticketing.in_use`) while performances, productions or tickets point to the row. */
  async function remove(scope: RequestScope, resource: CatalogueResource, id: string) {
    authorize(scope, TICKETING_PERMISSIONS.write);
    await db.transaction(async (tx) => {
      const before = await findCatalogueRow(tx, resource, scope.tenantId, id, { lock: true });
      if (!before) throw new AppError('ticketing.not_found');
      const count = await countCatalogueUsage(tx, resource, scope.tenantId, id);
      if (count > 0) throw new AppError('ticketing.in_use', { details: { count } });
      await deleteCatalogueRow(tx, resource, scope.tenantId, id);
      await recordAudit(tx, scope, {
        action: `${resource.entity}.deleted`,
        entityType: resource.entity,
        entityId: id,
        before: resource.toDto(before),
      });
      await emitEvent(tx, scope, {
        type: `${resource.entity}.deleted`,
        entityType: resource.entity,
        entityId: id,
      });
    });
  }

  return { list, get, create, update, remove };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
