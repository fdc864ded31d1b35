import type { FilterRule } from '@parterre/contract/contact-lists';
import type {
  DataQualityCounts,
  DataQualityIndicator,
  DataQualityReport,
} from '@parterre/contract/data-quality';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { countPeopleWithoutConsentBySource } from '../consent/consent-counts.repository.ts';
import { CONTACTS_PERMISSIONS } from '../contacts/contacts.permissions.ts';
import { countDuplicateSuspectsBySource } from '../identity/duplicate-counts.repository.ts';
import { DATA_QUALITY_PERMISSIONS } from './data-quality.permissions.ts';
import { countQualityBySource, type SourceQualityRow, sourceKey } from './data-quality.repository.ts';

/** The list filter rules that select the people of each indicator (ANDed with the source's). */
const INDICATOR_RULES: Record<DataQualityIndicator, FilterRule[]> = {
  invalidEmail: [{ field: 'emailStatus', op: 'eq', value: 'invalid' }],
  bouncedEmail: [{ field: 'emailStatus', op: 'eq', value: 'bounced' }],
  invalidPhone: [{ field: 'phoneStatus', op: 'eq', value: 'invalid' }],
  invalidAddress: [{ field: 'addressStatus', op: 'eq', value: 'invalid' }],
  noEmailOrPhone: [
    { field: 'email', op: 'isEmpty' },
    { field: 'phone', op: 'isEmpty' },
  ],
  noPostalAddress: [{ field: 'postalCode', op: 'isEmpty' }],
  noLastName: [{ field: 'lastName', op: 'isEmpty' }],
  noFirstName: [{ field: 'firstName', op: 'isEmpty' }],
  duplicateSuspect: [{ field: 'duplicateSuspect', op: 'eq', value: true }],
  noConsent: [{ field: 'consentGranted', op: 'eq', value: false }],
};

type Figures = Omit<SourceQualityRow, 'sourceKey' | 'source'> & {
  duplicateSuspect: number;
  noConsent: number;
};

const INDICATORS = Object.keys(INDICATOR_RULES) as DataQualityIndicator[];

function withFilters(figures: Figures, sourceRules: FilterRule[]): DataQualityCounts {
  const counts = { people: { count: figures.people, filter: { all: sourceRules } } } as DataQualityCounts;
  for (const indicator of INDICATORS) {
    counts[indicator] = {
      count: figures[indicator],
      filter: { all: [...sourceRules, ...INDICATOR_RULES[indicator]] },
    };
  }
  return counts;
}

/** `source eq X` compares folded text, like the grouping; no source at all is `source isEmpty`. */
const sourceRules = (source: string | null): FilterRule[] =>
  source === null ? [{ field: 'source', op: 'isEmpty' }] : [{ field: 'source', op: 'eq', value: source }];

export function createDataQualityService(context: AppContext) {
  const db = context.database.readDb;

  /**
   * Counts of people with invalid or bounced e-mails, invalid phones or addresses, missing key
   * fields, suspected duplicates and people without any granted consent, for the whole base and
   * per source, each with the list filter that shows exactly those people. Three aggregate
   * queries, whatever the size of the base.
   */
  async function getReport(scope: RequestScope): Promise<DataQualityReport> {
    authorize(scope, CONTACTS_PERMISSIONS.read);
    authorize(scope, DATA_QUALITY_PERMISSIONS.report);
    const generatedAt = new Date().toISOString();
    const rows = await countQualityBySource(db, scope.tenantId);
    const duplicates = await countDuplicateSuspectsBySource(db, {
      tenantId: scope.tenantId,
      sourceKey: sourceKey(sql.raw('p.source')),
    });
    const duplicatesByKey = new Map(duplicates.map((row) => [row.sourceKey, row.people]));
    const withoutConsent = await countPeopleWithoutConsentBySource(db, {
      tenantId: scope.tenantId,
      sourceKey,
    });
    const withoutConsentByKey = new Map(withoutConsent.map((row) => [row.sourceKey, row.people]));
    const groups = rows
      .map(({ sourceKey, source, ...figures }) => ({
        source,
        figures: {
          ...figures,
          duplicateSuspect: duplicatesByKey.get(sourceKey) ?? 0,
          noConsent: withoutConsentByKey.get(sourceKey) ?? 0,
        },
      }))
      .sort(
        (a, b) =>
          Number(a.source === null) - Number(b.source === null) ||
          b.figures.people - a.figures.people ||
          (a.source ?? '').localeCompare(b.source ?? '', 'fr'),
      );
    const total = { people: 0, duplicateSuspect: 0, noConsent: 0 } as Figures;
    for (const indicator of INDICATORS) total[indicator] = 0;
    for (const { figures } of groups) {
      total.people += figures.people;
      for (const indicator of INDICATORS) total[indicator] += figures[indicator];
    }
    return {
      generatedAt,
      total: withFilters(total, []),
      sources: groups.map(({ source, figures }) => ({
        source,
        counts: withFilters(figures, sourceRules(source)),
      })),
    };
  }

  return { getReport };
}

export type DataQualityService = ReturnType<typeof createDataQualityService>;
