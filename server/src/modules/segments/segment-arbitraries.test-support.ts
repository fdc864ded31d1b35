import type { CriteriaGroup, CriteriaRule } from '@parterre/contract/segments';
import fc from 'fast-check';
import type { Catalogue } from './segment-oracle.test-support.ts';

/* Random datasets and criteria trees for the segment compiler's property test. */

export const DAY = 86_400_000;
const ids = (prefix: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `0190a3c2-7b1e-7000-8000-${prefix}${String(i).padStart(12 - prefix.length, '0')}`,
  );

/** A fixed catalogue: what varies between runs is who bought what, when. */
export function catalogue(now: number): Catalogue {
  const [v1, v2] = ids('a', 2);
  const [s1, s2] = ids('b', 2);
  const [p1, p2, p3] = ids('c', 3);
  const perfIds = ids('d', 5);
  const [c1, c2] = ids('e', 2);
  return {
    venues: [v1, v2],
    seasons: [s1, s2],
    productions: [
      { id: p1, discipline: 'théâtre', seasonId: s1 },
      { id: p2, discipline: 'Danse', seasonId: s2 },
      { id: p3, discipline: null, seasonId: null },
    ],
    performances: [
      { id: perfIds[0], productionId: p1, venueId: v1, startsAt: new Date(now - 400 * DAY) },
      { id: perfIds[1], productionId: p1, venueId: v2, startsAt: new Date(now - 100 * DAY) },
      { id: perfIds[2], productionId: p2, venueId: v1, startsAt: new Date(now - 10 * DAY) },
      { id: perfIds[3], productionId: p3, venueId: null, startsAt: new Date(now - 200 * DAY) },
      { id: perfIds[4], productionId: p2, venueId: v2, startsAt: new Date(now + 30 * DAY) },
    ],
    priceCategories: [c1, c2],
    listId: ids('f', 1)[0],
  };
}

export const DEPARTEMENTS = [
  { departement: '44', region: '52', postal: '44000' },
  { departement: '85', region: '52', postal: '85000' },
  { departement: '69', region: '84', postal: '69001' },
];
const daysAgo = fc.integer({ min: -20, max: 800 });

export function datasetArbitrary(cat: Catalogue) {
  const person = fc.record({
    language: fc.constantFrom('fr', 'en', null),
    civility: fc.constantFrom('M.', 'Mme', null),
    tags: fc.subarray(['abonné', 'mécène', 'presse']),
    birthYearsAgo: fc.option(fc.integer({ min: 5, max: 90 }), { nil: null }),
    birthDayOffset: fc.integer({ min: -200, max: 200 }),
    places: fc.constantFrom<number | string | null>(0, 2, 5, 'beaucoup', null),
    gone: fc.constantFrom('live', 'live', 'live', 'deleted', 'merged'),
    inList: fc.boolean(),
    addresses: fc.array(
      fc.record({
        place: fc.nat({ max: 2 }),
        isPrimary: fc.boolean(),
        position: fc.nat({ max: 2 }),
        empty: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
  });
  const line = fc.record({
    performance: fc.option(fc.nat({ max: cat.performances.length - 1 }), { nil: null }),
    priceCategory: fc.option(fc.nat({ max: 1 }), { nil: null }),
    holder: fc.option(fc.nat({ max: 7 }), { nil: null }),
    amount: fc.constantFrom(0, 10, 25.5),
    status: fc.constantFrom('valid', 'valid', 'cancelled'),
  });
  const order = fc.record({
    buyer: fc.option(fc.nat({ max: 7 }), { nil: null }),
    orderedDaysAgo: fc.option(daysAgo, { nil: null, freq: 8 }),
    channel: fc.constantFrom('web', 'guichet'),
    status: fc.constantFrom('paid', 'paid', 'paid', 'cancelled', 'refunded'),
    total: fc.option(fc.constantFrom(12, 40), { nil: null }),
    lines: fc.array(line, { maxLength: 3 }),
  });
  const visit = fc.record({
    person: fc.nat({ max: 7 }),
    performance: fc.option(fc.nat({ max: cat.performances.length - 1 }), { nil: null }),
    ticketOf: fc.option(fc.nat({ max: 30 }), { nil: null }),
    scannedDaysAgo: daysAgo,
  });
  return fc.record({
    people: fc.array(person, { minLength: 1, maxLength: 8 }),
    orders: fc.array(order, { maxLength: 8 }),
    visits: fc.array(visit, { maxLength: 5 }),
  });
}

function ruleArbitrary(cat: Catalogue): fc.Arbitrary<CriteriaRule> {
  const period = fc.option(
    fc.oneof(
      fc.record({
        last: fc.record({ amount: fc.constantFrom(1, 6, 12), unit: fc.constantFrom('day', 'month', 'year') }),
      }),
      fc.record({
        from: fc.constantFrom('2025-01-01', '2026-06-15'),
        to: fc.constantFrom('2026-12-31', '2027-12-31'),
      }),
    ),
    { nil: undefined, freq: 2 },
  );
  const count = fc.nat({ max: 3 });
  const countOp = fc.constantFrom('gte', 'lte', 'eq', 'gt', 'lt');
  const rule = (field: string, operator: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>) =>
    fc.record({ field: fc.constant(field), operator, value }) as fc.Arbitrary<CriteriaRule>;
  const clean = <T extends object>(v: T) =>
    Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as T;
  return fc
    .oneof(
      rule(
        'identity.language',
        fc.constantFrom('in', 'notIn'),
        fc.record({ codes: fc.subarray(['fr', 'en'], { minLength: 1 }) }),
      ),
      rule('identity.civility', fc.constantFrom('isEmpty', 'isNotEmpty'), fc.constant(undefined)),
      rule(
        'identity.tags',
        fc.constantFrom('hasAny', 'hasAll', 'hasNone'),
        fc.record({ tags: fc.subarray(['abonné', 'mécène', 'presse'], { minLength: 1 }) }),
      ),
      rule('identity.tags', fc.constant('isEmpty'), fc.constant(undefined)),
      rule(
        'identity.ageBand',
        fc.constantFrom('in', 'notIn'),
        fc.record({
          codes: fc.subarray(['0-17', '18-24', '25-34', '35-49', '50-64', '65+'], { minLength: 1 }),
        }),
      ),
      rule(
        'customFields.places',
        fc.constantFrom('gte', 'lt', 'eq', 'isEmpty'),
        fc.record({ number: fc.constantFrom(0, 2, 3) }),
      ),
      rule(
        'geography.departement',
        fc.constantFrom('in', 'notIn'),
        fc.record({
          codes: fc.subarray(['44', '85', '69'], { minLength: 1 }),
          address: fc.constantFrom('primary', 'any'),
        }),
      ),
      rule('geography.region', fc.constantFrom('isEmpty', 'isNotEmpty'), fc.constant(undefined)),
      rule(
        'geography.postalCode',
        fc.constant('startsWith'),
        fc.record({
          codes: fc.constantFrom(['44'], ['85', '69']),
          address: fc.constantFrom('primary', 'any'),
        }),
      ),
      rule(
        'purchases.production',
        fc.constantFrom('in', 'notIn'),
        fc
          .record({
            ids: fc.subarray(
              cat.productions.map((p) => p.id),
              { minLength: 1 },
            ),
            period,
          })
          .map(clean),
      ),
      rule(
        'purchases.discipline',
        fc.constant('in'),
        fc.record({ values: fc.constantFrom(['theatre'], ['danse', 'musique']), period }).map(clean),
      ),
      rule(
        'purchases.venue',
        fc.constant('in'),
        fc.record({ ids: fc.subarray(cat.venues, { minLength: 1 }) }),
      ),
      rule(
        'purchases.season',
        fc.constant('in'),
        fc.record({ ids: fc.subarray(cat.seasons, { minLength: 1 }) }),
      ),
      rule(
        'purchases.priceCategory',
        fc.constant('in'),
        fc.record({ ids: fc.subarray(cat.priceCategories, { minLength: 1 }), period }).map(clean),
      ),
      rule(
        'purchases.channel',
        fc.constantFrom('in', 'notIn'),
        fc.record({ values: fc.constantFrom(['web'], ['guichet']), period }).map(clean),
      ),
      rule(
        'purchases.tickets',
        countOp,
        fc
          .record({
            count,
            period,
            disciplines: fc.option(fc.constant(['théâtre']), { nil: undefined, freq: 2 }),
            venueIds: fc.option(fc.constant([cat.venues[0]]), { nil: undefined, freq: 2 }),
            channels: fc.option(fc.constant(['web']), { nil: undefined, freq: 2 }),
          })
          .map(clean),
      ),
      rule('purchases.orders', countOp, fc.record({ count, period }).map(clean)),
      rule('purchases.spend', countOp, fc.record({ amount: fc.constantFrom(0, 20, 40), period }).map(clean)),
      rule(
        'purchases.firstTimeBuyer',
        fc.constantFrom('is', 'isNot'),
        fc.record({ period: fc.constant({ last: { amount: 12, unit: 'month' } }) }),
      ),
      rule('purchases.lapsed', fc.constantFrom('is', 'isNot'), fc.record({ months: fc.constantFrom(3, 12) })),
      rule('attendance.visits', countOp, fc.record({ count, period }).map(clean)),
      rule('attendance.noShows', countOp, fc.record({ count, period }).map(clean)),
      rule('membership.list', fc.constantFrom('in', 'notIn'), fc.constant({ ids: [cat.listId] })),
    )
    .map((r) => (r.value === undefined ? { field: r.field, operator: r.operator } : r) as CriteriaRule);
}

export function treeArbitrary(cat: Catalogue): fc.Arbitrary<CriteriaGroup> {
  const rule = ruleArbitrary(cat);
  const group = (rules: fc.Arbitrary<(CriteriaRule | CriteriaGroup)[]>) =>
    fc.record({ op: fc.constantFrom('and', 'or'), not: fc.boolean(), rules }) as fc.Arbitrary<CriteriaGroup>;
  const inner = group(fc.array(rule, { maxLength: 3 }));
  return group(
    fc.array(fc.oneof({ weight: 3, arbitrary: rule }, { weight: 1, arbitrary: inner }), { maxLength: 4 }),
  );
}
