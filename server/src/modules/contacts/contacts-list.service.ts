import type {
  ContactFilter,
  PersonListItem,
  PersonListPage,
  PersonListQuery,
} from '@parterre/contract/contact-lists';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import type { AppContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { formatPhoneNational } from './contact-normalisation.ts';
import { canReadSensitive, LIST_PERMISSIONS } from './contacts-list.access.ts';
import {
  type CompileContext,
  type CustomFieldDefinition,
  compileFilter,
  parseFilterParam,
} from './contacts-list.compiler.ts';
import {
  countPeople,
  listPeoplePage,
  loadCustomFieldDefinitions,
  type PersonListRow,
} from './contacts-list.repository.ts';
import { compileSort } from './contacts-list.sort.ts';
import { escapeLike } from './contacts-list.sql.ts';

/** Which people a bulk action or an export concerns: chosen ids, or every result of a filter. */
export type Selection = { ids?: string[]; filter?: ContactFilter; q?: string };

/** The list's quick search: name (fuzzy, accent-insensitive) or, for a single word, e-mail start. */
function quickSearch(tenantId: string, q: string): SQL {
  const folded = sql`f_unaccent(lower(${q}))`;
  const conditions = [
    sql`${folded} <% p.search_name`,
    sql`p.search_name LIKE '%' || f_unaccent(lower(${escapeLike(q)})) || '%'`,
  ];
  if (!/\s/.test(q)) {
    conditions.push(sql`p.id IN (SELECT e.person_id FROM emails e WHERE e.tenant_id = ${tenantId}::uuid
      AND e.address LIKE ${`${escapeLike(q.toLowerCase())}%`} AND e.person_id IS NOT NULL)`);
  }
  return sql`(${sql.join(conditions, sql` OR `)})`;
}

/**
 * Compiles a selection into a condition on `people p`, with what the compiler needs to know about
 * custom fields. Shared by the list, bulk actions and exports (which run as the system in a job).
 */
export async function compileSelection(
  db: DbOrTx,
  options: { tenantId: string; canReadSensitive: boolean; selection: Selection },
): Promise<{ where: SQL | undefined; context: CompileContext }> {
  const definitions = await loadCustomFieldDefinitions(db, options.tenantId, 'person');
  const context: CompileContext = {
    tenantId: options.tenantId,
    definitions,
    canReadSensitive: options.canReadSensitive,
  };
  const { ids, filter, q } = options.selection;
  const parts: SQL[] = [];
  if (ids) parts.push(sql`p.id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
  const compiled = compileFilter(filter, context);
  if (compiled) parts.push(compiled);
  if (q) parts.push(quickSearch(options.tenantId, q));
  return { where: parts.length > 0 ? sql.join(parts, sql` AND `) : undefined, context };
}

/** As on the record: only defined fields are shown, and sensitive ones only to who may see them. */
export function maskCustomFields(
  values: Record<string, unknown>,
  definitions: Map<string, CustomFieldDefinition>,
  sensitiveVisible: boolean,
): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [key, definition] of definitions) {
    if (key in values && (sensitiveVisible || !definition.sensitive)) shown[key] = values[key];
  }
  return shown;
}

function toListItem(row: PersonListRow, context: CompileContext): PersonListItem {
  return {
    id: row.id,
    civility: row.civility,
    firstName: row.firstName,
    lastName: row.lastName,
    primaryEmail: row.primaryEmail,
    primaryPhone: row.primaryPhone ? formatPhoneNational(row.primaryPhone) : null,
    postalCode: row.postalCode,
    city: row.city,
    tags: row.tags,
    departmentId: row.departmentId,
    customFields: maskCustomFields(row.customFields, context.definitions, context.canReadSensitive),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function createContactListService(context: AppContext) {
  const db = context.database.db;

  async function prepare(scope: RequestScope, query: { q?: string; filter?: string }) {
    authorize(scope, LIST_PERMISSIONS.read);
    const filter = parseFilterParam(query.filter);
    return compileSelection(db, {
      tenantId: scope.tenantId,
      canReadSensitive: canReadSensitive(scope),
      selection: { filter, q: query.q || undefined },
    });
  }

  /** A page of people, filtered and sorted, with a cursor stable on (sort key, id). */
  async function listPeople(scope: RequestScope, query: PersonListQuery): Promise<PersonListPage> {
    const { where, context: compileContext } = await prepare(scope, query);
    const sort = compileSort(query.sort, compileContext);
    const rows = await listPeoplePage(db, {
      tenantId: scope.tenantId,
      where,
      sort,
      after: decodeCursor(query.cursor),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const nextCursor = rows.length > query.limit ? encodeCursor(page[page.length - 1].key) : null;
    const total =
      query.withTotal === 'true'
        ? await countPeople(context.database.readDb, { tenantId: scope.tenantId, where })
        : undefined;
    return {
      data: page.map((row) => toListItem(row, compileContext)),
      nextCursor,
      ...(total !== undefined ? { total } : {}),
    };
  }

  async function countMatchingPeople(scope: RequestScope, query: { q?: string; filter?: string }) {
    const { where } = await prepare(scope, query);
    return { count: await countPeople(context.database.readDb, { tenantId: scope.tenantId, where }) };
  }

  /** Checks a filter against the tenant's fields (saved views store only usable filters). */
  async function validateFilter(scope: RequestScope, filter: ContactFilter | undefined, sort?: string) {
    const { context: compileContext } = await compileSelection(db, {
      tenantId: scope.tenantId,
      canReadSensitive: canReadSensitive(scope),
      selection: { filter },
    });
    if (sort) compileSort(sort, compileContext);
  }

  return { listPeople, countMatchingPeople, validateFilter };
}
