import type { PersonListItem } from '@parterre/contract/contact-lists';
import type { AudienceRef, CriteriaGroup, Overlap } from '@parterre/contract/segments';
import type { SQL } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { authorize, can } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { formatPhoneNational } from '../contacts/contact-normalisation.ts';
import { CONTACTS_PERMISSIONS } from '../contacts/contacts.permissions.ts';
import { canReadSensitive } from '../contacts/contacts-list.access.ts';
import { listPeoplePage } from '../contacts/contacts-list.repository.ts';
import { compileSelection, maskCustomFields } from '../contacts/contacts-list.service.ts';
import { compileSort } from '../contacts/contacts-list.sort.ts';
import { loadCriteria } from './criteria/criteria-registry.ts';
import './criteria/contacts.criteria.ts';
import './criteria/custom-field.criteria.ts';
import './criteria/membership.criteria.ts';
import { findList, listMembership } from './lists.repository.ts';
import { compileCriteria } from './segment-compiler.ts';
import { countMembershipPatterns, countPeopleWhere, findSegment } from './segments.repository.ts';

/**
 * Evaluating audiences: criteria → condition on people, counts, member pages (masked as in the
 * contacts list), overlaps. Counts read `readDb` (a replica when configured).
 */
export function createAudienceService(context: Pick<AppContext, 'database' | 'logger'>) {
  const { db, readDb } = context.database;

  /** The condition of a criteria tree for this caller; `selfId` is the segment being saved (cycles). */
  async function conditionOf(
    scope: RequestScope,
    criteria: CriteriaGroup,
    options: { selfId?: string; now?: Date } = {},
  ): Promise<SQL> {
    return compileCriteria(criteria, {
      tenantId: scope.tenantId,
      now: options.now ?? new Date(),
      locale: scope.locale,
      criteria: await loadCriteria(context, scope.tenantId),
      allows: (permission) => can(scope, permission),
      loadSegment: (id) => findSegment(db, scope.tenantId, id),
      stack: options.selfId ? [options.selfId] : [],
    });
  }

  async function countWhere(scope: RequestScope, where: SQL): Promise<number> {
    return countPeopleWhere(readDb, scope.tenantId, where);
  }

  /** One page of people matching `where`, by name, masked like the contacts list. */
  async function membersPage(
    scope: RequestScope,
    where: SQL,
    page: { cursor?: string; limit: number },
  ): Promise<{ data: PersonListItem[]; nextCursor: string | null }> {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    const sensitive = canReadSensitive(scope);
    const { context: listContext } = await compileSelection(db, {
      tenantId: scope.tenantId,
      canReadSensitive: sensitive,
      selection: {},
    });
    const sort = compileSort('lastName', listContext);
    const rows = await listPeoplePage(db, {
      tenantId: scope.tenantId,
      where,
      sort,
      after: decodeCursor(page.cursor),
      limit: page.limit + 1,
    });
    const shown = rows.slice(0, page.limit);
    return {
      data: shown.map((row) => ({
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
        customFields: maskCustomFields(row.customFields, listContext.definitions, sensitive),
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      })),
      nextCursor: rows.length > page.limit ? encodeCursor(shown[shown.length - 1].key) : null,
    };
  }

  /** The condition of a saved segment or list of the tenant; 400 naming it when unknown. */
  async function conditionOfSet(scope: RequestScope, set: AudienceRef): Promise<SQL> {
    if (set.kind === 'list') {
      if (!(await findList(db, scope.tenantId, set.id))) {
        throw new AppError('segments.unknown_set', { details: { id: set.id } });
      }
      return listMembership(scope.tenantId, set.id);
    }
    const segment = await findSegment(db, scope.tenantId, set.id);
    if (!segment) throw new AppError('segments.unknown_set', { details: { id: set.id } });
    return conditionOf(scope, segment.criteria);
  }

  /** Counts of every region of the Venn diagram of 2–3 segments or lists. */
  async function overlap(scope: RequestScope, sets: AudienceRef[]): Promise<Overlap> {
    const conditions: SQL[] = [];
    for (const set of sets) conditions.push(await conditionOfSet(scope, set));
    const patterns = await countMembershipPatterns(readDb, scope.tenantId, conditions);
    const byMask = new Map(patterns.map((p) => [p.mask, p.count]));
    const regions: Overlap['regions'] = [];
    for (let mask = 1; mask < 1 << sets.length; mask++) {
      const members = sets.flatMap((_, index) => (mask & (1 << index) ? [index] : []));
      regions.push({ sets: members, count: byMask.get(mask) ?? 0 });
    }
    const totals = sets.map((_, index) =>
      patterns.filter((p) => p.mask & (1 << index)).reduce((sum, p) => sum + p.count, 0),
    );
    return { totals, regions, union: patterns.reduce((sum, p) => sum + p.count, 0) };
  }

  return { conditionOf, countWhere, membersPage, conditionOfSet, overlap };
}

export type AudienceService = ReturnType<typeof createAudienceService>;
