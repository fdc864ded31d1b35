import type { CriteriaGroup, CriteriaPeriod, CriteriaRule } from '@parterre/contract/segments';
import { parisDay, resolvePeriod } from './criteria/criteria-sql.ts';

/*
 * A plain TypeScript reading of segment criteria over an in-memory dataset: the reference the SQL
 * compiler is checked against (segment-compiler.property.test.ts). It shares only the calendar
 * helpers (period bounds, France's day) with the compiler, never its SQL.
 */

export type Catalogue = {
  venues: string[];
  seasons: string[];
  productions: { id: string; discipline: string | null; seasonId: string | null }[];
  performances: { id: string; productionId: string; venueId: string | null; startsAt: Date }[];
  priceCategories: string[];
  listId: string;
};

type RawPerson = {
  birthYearsAgo: number | null;
  birthDayOffset: number;
  language: string | null;
  civility: string | null;
  tags: string[];
  places: number | string | null;
  gone: string;
  inList: boolean;
  addresses: { place: number; isPrimary: boolean; position: number; empty: boolean }[];
};
type RawLine = {
  performance: number | null;
  priceCategory: number | null;
  holder: number | null;
  amount: number;
  status: string;
};
type RawOrder = {
  buyer: number | null;
  orderedDaysAgo: number | null;
  channel: string;
  status: string;
  total: number | null;
  lines: RawLine[];
};
type RawVisit = {
  person: number;
  performance: number | null;
  ticketOf: number | null;
  scannedDaysAgo: number;
};

export type Dataset = {
  raw: { people: RawPerson[]; orders: RawOrder[]; visits: RawVisit[] };
  personIds: string[];
  orderIds: string[];
  lineIds: string[];
  birthDates: (string | null)[];
  addressIds: string[][];
  catalogue: Catalogue;
  now: Date;
};

const PLACES = [
  { departement: '44', region: '52', postal: '44000' },
  { departement: '85', region: '52', postal: '85000' },
  { departement: '69', region: '84', postal: '69001' },
];
const DAY = 86_400_000;
const VOID = ['cancelled', 'refunded'];
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

type Line = {
  id: string;
  order: Order;
  performance: Catalogue['performances'][number] | null;
  priceCategory: string | null;
  holder: string | null;
  amount: number;
  status: string;
};
type Order = {
  id: string;
  buyer: string | null;
  orderedAt: Date | null;
  channel: string;
  status: string;
  total: number | null;
  lines: Line[];
};

function model(data: Dataset) {
  const now = data.now.getTime();
  const who = (index: number | null) =>
    index === null ? null : data.personIds[index % data.personIds.length];
  const lines: Line[] = [];
  let lineIndex = 0;
  const orders: Order[] = data.raw.orders.map((o, i) => {
    const order: Order = {
      id: data.orderIds[i],
      buyer: who(o.buyer),
      orderedAt: o.orderedDaysAgo === null ? null : new Date(now - o.orderedDaysAgo * DAY),
      channel: o.channel,
      status: o.status,
      total: o.total,
      lines: [],
    };
    for (const l of o.lines) {
      const line: Line = {
        id: data.lineIds[lineIndex++],
        order,
        performance: l.performance === null ? null : data.catalogue.performances[l.performance],
        priceCategory: l.priceCategory === null ? null : data.catalogue.priceCategories[l.priceCategory],
        holder: who(l.holder),
        amount: l.amount,
        status: l.status,
      };
      order.lines.push(line);
      lines.push(line);
    }
    return order;
  });
  const visits = data.raw.visits.map((v, i) => ({
    id: `visit-${i}`,
    person: who(v.person),
    performanceId: v.performance === null ? null : data.catalogue.performances[v.performance].id,
    ticketLineId: v.ticketOf === null ? null : (data.lineIds[v.ticketOf] ?? null),
    scannedAt: new Date(now - v.scannedDaysAgo * DAY),
  }));
  return { orders, lines, visits };
}

type Model = ReturnType<typeof model>;

function inPeriod(at: Date | null, period: CriteriaPeriod | undefined, now: Date): boolean {
  const { start, end } = resolvePeriod(period, now);
  if (!start && !end) return true;
  if (!at) return false;
  return (!start || at >= start) && (!end || at < end);
}

const validLine = (l: Line) => !VOID.includes(l.status) && !VOID.includes(l.order.status);
const orderSpend = (o: Order) =>
  o.lines.length === 0
    ? (o.total ?? 0)
    : o.lines.filter((l) => !VOID.includes(l.status)).reduce((s, l) => s + l.amount, 0);

type Filters = {
  period?: CriteriaPeriod;
  productionIds?: string[];
  disciplines?: string[];
  venueIds?: string[];
  seasonIds?: string[];
  priceCategoryIds?: string[];
  channels?: string[];
};

function lineMatches(l: Line, f: Filters, data: Dataset): boolean {
  if (!validLine(l) || !inPeriod(l.order.orderedAt, f.period, data.now)) return false;
  const production = data.catalogue.productions.find((p) => p.id === l.performance?.productionId);
  if (f.productionIds && !(l.performance && f.productionIds.includes(l.performance.productionId)))
    return false;
  if (f.venueIds && !(l.performance?.venueId && f.venueIds.includes(l.performance.venueId))) return false;
  if (f.seasonIds && !(production?.seasonId && f.seasonIds.includes(production.seasonId))) return false;
  if (
    f.disciplines &&
    !(production?.discipline && f.disciplines.map(fold).includes(fold(production.discipline)))
  ) {
    return false;
  }
  if (f.priceCategoryIds && !(l.priceCategory && f.priceCategoryIds.includes(l.priceCategory))) return false;
  if (f.channels && !f.channels.includes(l.order.channel)) return false;
  return true;
}

const attributed = (l: Line, person: string) =>
  l.holder === person || (l.holder === null && l.order.buyer === person);

function compare(actual: number, operator: string, expected: number): boolean {
  switch (operator) {
    case 'gte':
      return actual >= expected;
    case 'lte':
      return actual <= expected;
    case 'gt':
      return actual > expected;
    case 'lt':
      return actual < expected;
    default:
      return actual === expected;
  }
}

function age(birth: string, today: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

const BANDS: Record<string, [number, number]> = {
  '0-17': [0, 17],
  '18-24': [18, 24],
  '25-34': [25, 34],
  '35-49': [35, 49],
  '50-64': [50, 64],
  '65+': [65, 10_000],
};

/** Whether the positive form of the rule holds for person `index`. */
function holds(rule: CriteriaRule, operator: string, index: number, data: Dataset, m: Model): boolean {
  const person = data.raw.people[index];
  const id = data.personIds[index];
  // biome-ignore lint/suspicious/noExplicitAny: values are shaped by the generator of each criterion
  const value = rule.value as any;
  const addresses = person.addresses
    .map((a, j) => ({ ...a, id: data.addressIds[index][j], ...PLACES[a.place] }))
    .sort(
      (a, b) =>
        Number(b.isPrimary) - Number(a.isPrimary) || a.position - b.position || (a.id < b.id ? -1 : 1),
    );
  const scoped = (value?.address ?? 'primary') === 'primary' ? addresses.slice(0, 1) : addresses;
  const orders = m.orders.filter((o) => o.buyer === id && !VOID.includes(o.status));
  switch (rule.field) {
    case 'identity.language':
      return person.language !== null && value.codes.includes(person.language);
    case 'identity.civility':
      return (person.civility ?? '') !== '';
    case 'identity.tags':
      if (operator === 'isNotEmpty') return person.tags.length > 0;
      return operator === 'hasAll'
        ? value.tags.every((t: string) => person.tags.includes(t))
        : value.tags.some((t: string) => person.tags.includes(t));
    case 'identity.ageBand': {
      const birth = data.birthDates[index];
      if (!birth) return false;
      const years = age(birth, parisDay(data.now));
      return value.codes.some((code: string) => years >= BANDS[code][0] && years <= BANDS[code][1]);
    }
    case 'customFields.places': {
      const places = typeof person.places === 'number' ? person.places : null;
      if (operator === 'isNotEmpty') return places !== null;
      return places !== null && compare(places, operator, value.number);
    }
    case 'geography.departement':
      return scoped.some((a) => !a.empty && value.codes.includes(a.departement));
    case 'geography.region':
      return addresses.slice(0, 1).some((a) => !a.empty);
    case 'geography.postalCode':
      return scoped.some((a) => !a.empty && value.codes.some((c: string) => a.postal.startsWith(c)));
    case 'purchases.production':
    case 'purchases.discipline':
    case 'purchases.venue':
    case 'purchases.season':
    case 'purchases.priceCategory':
    case 'purchases.channel': {
      const key = {
        'purchases.production': 'productionIds',
        'purchases.discipline': 'disciplines',
        'purchases.venue': 'venueIds',
        'purchases.season': 'seasonIds',
        'purchases.priceCategory': 'priceCategoryIds',
        'purchases.channel': 'channels',
      }[rule.field] as keyof Filters;
      const filters = { [key]: value.ids ?? value.values, period: value.period } as Filters;
      return m.lines.some((l) => (l.holder === id || l.order.buyer === id) && lineMatches(l, filters, data));
    }
    case 'purchases.tickets': {
      const { count, ...filters } = value;
      return compare(
        m.lines.filter((l) => attributed(l, id) && lineMatches(l, filters, data)).length,
        operator,
        count,
      );
    }
    case 'purchases.orders':
      return compare(
        orders.filter((o) => inPeriod(o.orderedAt, value.period, data.now)).length,
        operator,
        value.count,
      );
    case 'purchases.spend': {
      const spend = orders
        .filter((o) => inPeriod(o.orderedAt, value.period, data.now))
        .reduce((s, o) => s + orderSpend(o), 0);
      return compare(spend, operator, value.amount);
    }
    case 'purchases.firstTimeBuyer': {
      const dates = orders.flatMap((o) => (o.orderedAt ? [o.orderedAt.getTime()] : []));
      return dates.length > 0 && inPeriod(new Date(Math.min(...dates)), value.period, data.now);
    }
    case 'purchases.lapsed': {
      const dates = orders.flatMap((o) => (o.orderedAt ? [o.orderedAt.getTime()] : []));
      const since = resolvePeriod({ last: { amount: value.months, unit: 'month' } }, data.now).start as Date;
      return dates.length > 0 && Math.max(...dates) < since.getTime();
    }
    case 'attendance.visits': {
      const attended = new Set<string>();
      for (const v of m.visits) {
        if (v.person === id && inPeriod(v.scannedAt, value.period, data.now))
          attended.add(v.performanceId ?? v.id);
      }
      for (const l of m.lines) {
        if (!attributed(l, id) || !validLine(l) || !l.performance) continue;
        const at = l.performance.startsAt;
        if (at <= data.now && inPeriod(at, value.period, data.now)) attended.add(l.performance.id);
      }
      return compare(attended.size, operator, value.count);
    }
    case 'attendance.noShows': {
      const missed = m.lines.filter((l) => {
        if (!attributed(l, id) || !validLine(l) || !l.performance) return false;
        const performance = l.performance;
        if (performance.startsAt > data.now || !inPeriod(performance.startsAt, value.period, data.now))
          return false;
        const controlled = m.visits.some((v) => v.performanceId === performance.id);
        const entered = m.visits.some(
          (v) => v.ticketLineId === l.id || (v.person === id && v.performanceId === performance.id),
        );
        return controlled && !entered;
      });
      return compare(missed.length, operator, value.count);
    }
    case 'membership.list':
      return person.inList;
    default:
      throw new Error(`oracle: no reading of ${rule.field}`);
  }
}

const NEGATIONS: Record<string, string> = {
  notIn: 'in',
  neq: 'eq',
  hasNone: 'hasAny',
  isNot: 'is',
  isEmpty: 'isNotEmpty',
};

function matches(node: CriteriaRule | CriteriaGroup, index: number, data: Dataset, m: Model): boolean {
  if ('rules' in node) {
    const results = node.rules.map((child) => matches(child, index, data, m));
    const combined = node.op === 'and' ? results.every(Boolean) : results.some(Boolean);
    return node.not ? !combined : combined;
  }
  const positive = NEGATIONS[node.operator] ?? node.operator;
  const result = holds(node, positive, index, data, m);
  return positive === node.operator ? result : !result;
}

/** Ids of the live people the tree selects. */
export function evaluateTree(tree: CriteriaGroup, data: Dataset): string[] {
  const m = model(data);
  return data.personIds.filter(
    (_, index) => data.raw.people[index].gone === 'live' && matches(tree, index, data, m),
  );
}
