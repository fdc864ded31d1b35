import type { SearchQuery, SearchResult } from '@parterre/contract/search';
import { sql } from 'drizzle-orm';
import { recordAccess } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { normalisePhone } from './contact-normalisation.ts';
import { LIST_PERMISSIONS } from './contacts-list.access.ts';
import {
  describeHits,
  type SearchHit,
  searchByEmailPrefix,
  searchByPhone,
  searchByPostalCode,
  searchOrganisationsByName,
  searchPeopleByName,
  searchPeopleOfOrganisations,
} from './contacts-search.repository.ts';

const PHONE_LIKE = /^\+?[\d\s.\-/()]+$/;
const POSTAL_CODE = /^\d{5}$/;
const EMAIL_PREFIX = /^[^\s@]+@?[^\s@]*$/;

/** What the query can be: several readings are tried at once and their hits merged. */
export function readQuery(raw: string) {
  const q = raw.trim().replace(/\s+/g, ' ');
  const digits = q.replace(/\D/g, '');
  const isPostalCode = POSTAL_CODE.test(q);
  const phoneLike = PHONE_LIKE.test(q) && digits.length >= 6;
  let phone: { e164?: string; trailingDigits?: string } | undefined;
  if (phoneLike) {
    const parsed = normalisePhone(q);
    phone = parsed.ok ? { e164: parsed.e164 } : { trailingDigits: digits };
  }
  const hasLetters = /\p{L}/u.test(q);
  return {
    q,
    postalCode: isPostalCode ? q : undefined,
    phone,
    email: EMAIL_PREFIX.test(q) && q.length >= 3 && (hasLetters || q.includes('@')) ? q : undefined,
    name: hasLetters && q.length >= 2 && !q.includes('@') ? q : undefined,
  };
}

/** Keeps each record once, with its best reason to be there. */
function mergeHits(hits: SearchHit[]): SearchHit[] {
  const best = new Map<string, SearchHit>();
  for (const hit of hits) {
    const current = best.get(hit.id);
    if (!current || hit.score > current.score) best.set(hit.id, hit);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

export function createContactSearchService(context: AppContext) {
  const db = context.database.db;

  /**
   * The one search box: people and organisations by name (typos, accents and word order
   * tolerated), e-mail start, phone number in any form, postal code; organisations bring their people.
   */
  async function search(scope: RequestScope, query: SearchQuery): Promise<SearchResult[]> {
    authorize(scope, LIST_PERMISSIONS.read);
    const reading = readQuery(query.q);
    const bounds = { tenantId: scope.tenantId, limit: query.limit };
    const hits: SearchHit[] = [];
    if (reading.name) {
      const name = reading.name;
      const [people, organisations] = await db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        return [
          await searchPeopleByName(tx, bounds, name),
          await searchOrganisationsByName(tx, bounds, name),
        ];
      });
      hits.push(...people, ...organisations);
      const strong = organisations.filter((o) => o.score >= 2).slice(0, 3);
      hits.push(...(await searchPeopleOfOrganisations(db, bounds, strong)));
    }
    if (reading.email) hits.push(...(await searchByEmailPrefix(db, bounds, reading.email)));
    if (reading.phone) hits.push(...(await searchByPhone(db, bounds, reading.phone)));
    if (reading.postalCode) hits.push(...(await searchByPostalCode(db, bounds, reading.postalCode)));

    const top = mergeHits(hits).slice(0, query.limit);
    const labels = await describeHits(db, scope.tenantId, {
      people: top.filter((h) => h.kind === 'person').map((h) => h.id),
      organisations: top.filter((h) => h.kind === 'organisation').map((h) => h.id),
    });
    const results = top.flatMap((hit): SearchResult[] => {
      const label = labels.get(hit.id);
      if (!label) return [];
      const sublabel = hit.sublabel ?? label.email ?? label.city ?? label.organisation ?? null;
      return [{ ...hit, label: label.label, sublabel, score: Math.round(hit.score * 1000) / 1000 }];
    });
    await recordAccess(db, scope, {
      action: 'search',
      entityType: 'person',
      detail: { q: query.q, results: results.length },
    });
    return results;
  }

  return { search };
}
