import {
  amountValueSchema,
  type CriteriaPeriod,
  countValueSchema,
  monthsValueSchema,
  periodValueSchema,
  purchaseIdsValueSchema,
  purchaseValuesValueSchema,
  ticketCountValueSchema,
} from '@parterre/contract/segments';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type CompileEnvironment,
  type CriterionDefinition,
  defineCriteria,
  type PositiveOperator,
} from '../segments/criteria/criteria-registry.ts';
import {
  instant,
  resolvePeriod,
  textArray,
  uuidArray,
  withinPeriod,
} from '../segments/criteria/criteria-sql.ts';

/*
 * Purchase and attendance criteria, with the summaries' definitions (ticketing-summaries.repository.ts):
 * cancelled or refunded orders and tickets never count; an order and its spend belong to its
 * buyer; a ticket belongs to its holder, or to the buyer when it names none; a visit is a distinct
 * performance attended (a scan, or a valid ticket for a performance that has begun). "Bought X"
 * criteria match the buyer and the holder alike. Without a period or catalogue filter, counts
 * read the stored summaries; with one, the raw orders and lines.
 */

const VOID = sql`('cancelled', 'refunded')`;
const COUNT_OPERATORS = ['gte', 'lte', 'eq', 'gt', 'lt'] as const;
const COMPARATORS: Partial<Record<PositiveOperator, string>> = {
  eq: '=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};
const CHANNELS: [string, string, string][] = [
  ['guichet', 'Guichet', 'Box office'],
  ['web', 'Internet', 'Web'],
  ['telephone', 'Téléphone', 'Phone'],
  ['revendeur', 'Revendeur', 'Reseller'],
  ['autre', 'Autre', 'Other'],
];
const DISCIPLINES = ['théâtre', 'danse', 'musique', 'opéra', 'cirque', 'jeune public', 'exposition'];

export type LineFilters = {
  period?: CriteriaPeriod;
  productionIds?: string[];
  disciplines?: string[];
  venueIds?: string[];
  seasonIds?: string[];
  priceCategoryIds?: string[];
  channels?: string[];
};

const folded = (values: string[]) =>
  sql`ARRAY[${sql.join(
    values.map((value) => sql`f_unaccent(lower(${value}::text))`),
    sql`, `,
  )}]`;

/** Conditions on `tl` (line), `o` (order), `pf` (performance) and `pr` (production). */
function lineConditions(filters: LineFilters, env: CompileEnvironment): SQL {
  const parts: SQL[] = [sql`tl.status NOT IN ${VOID}`, sql`o.status NOT IN ${VOID}`];
  if (filters.period) parts.push(withinPeriod(sql`o.ordered_at`, resolvePeriod(filters.period, env.now)));
  if (filters.productionIds) parts.push(sql`pf.production_id = ANY(${uuidArray(filters.productionIds)})`);
  if (filters.venueIds) parts.push(sql`pf.venue_id = ANY(${uuidArray(filters.venueIds)})`);
  if (filters.seasonIds) parts.push(sql`pr.season_id = ANY(${uuidArray(filters.seasonIds)})`);
  if (filters.disciplines)
    parts.push(sql`f_unaccent(lower(pr.discipline)) = ANY(${folded(filters.disciplines)})`);
  if (filters.priceCategoryIds)
    parts.push(sql`tl.price_category_id = ANY(${uuidArray(filters.priceCategoryIds)})`);
  if (filters.channels) parts.push(sql`o.channel = ANY(${textArray(filters.channels)})`);
  return sql.join(parts, sql` AND `);
}

function catalogueJoins(filters: LineFilters): SQL {
  const production = filters.disciplines || filters.seasonIds;
  const performance = production || filters.productionIds || filters.venueIds;
  return sql.join(
    [
      performance ? sql`JOIN performances pf ON pf.id = tl.performance_id` : sql``,
      production ? sql`JOIN productions pr ON pr.id = pf.production_id` : sql``,
    ],
    sql` `,
  );
}

/** Lines held by `p`, and lines of orders `p` bought (only those without a holder when `attributed`). */
function linesOfPerson(env: CompileEnvironment, filters: LineFilters, select: SQL, attributed: boolean) {
  const tenant = sql`${env.tenantId}::uuid`;
  const where = lineConditions(filters, env);
  const joins = catalogueJoins(filters);
  const held = sql`SELECT ${select} FROM ticket_lines tl JOIN orders o ON o.id = tl.order_id ${joins}
    WHERE tl.tenant_id = ${tenant} AND tl.holder_person_id = p.id AND ${where}`;
  const bought = sql`SELECT ${select} FROM orders o JOIN ticket_lines tl ON tl.order_id = o.id ${joins}
    WHERE o.tenant_id = ${tenant} AND o.buyer_person_id = p.id
      ${attributed ? sql`AND tl.holder_person_id IS NULL` : sql``} AND ${where}`;
  return { held, bought };
}

function boughtOrHeld(env: CompileEnvironment, filters: LineFilters): SQL {
  const { held, bought } = linesOfPerson(env, filters, sql`1`, false);
  return sql`(EXISTS (${held}) OR EXISTS (${bought}))`;
}

function compareCount(expr: SQL, operator: PositiveOperator, count: number): SQL {
  return sql`${expr} ${sql.raw(COMPARATORS[operator] ?? '>=')} ${count}`;
}

/** A stored summary fact, 0 for people without a summary (never bought). */
const summaryFact = (env: CompileEnvironment, column: string) =>
  sql`coalesce((SELECT s.${sql.raw(column)} FROM person_ticketing_summaries s
    WHERE s.person_id = p.id AND s.tenant_id = ${env.tenantId}::uuid), 0)`;

function catalogueCriterion<V extends { period?: CriteriaPeriod }>(options: {
  id: string;
  label: { fr: string; en: string };
  schema: z.ZodType<V>;
  filters: (value: V) => LineFilters;
  example: unknown;
  optionsFrom?: string;
  choices?: { value: string; label: { fr: string; en: string } }[];
}): CriterionDefinition {
  const definition: CriterionDefinition<V> = {
    id: options.id,
    category: 'purchases',
    label: options.label,
    description: {
      fr: 'A acheté ou détient un billet valide, dans la période si elle est donnée (date de commande).',
      en: 'Bought or holds a valid ticket, within the period when given (order date).',
    },
    operators: ['in', 'notIn'],
    value: options.schema,
    optionsFrom: options.optionsFrom,
    options: options.choices,
    example: { field: options.id, operator: 'in', value: options.example },
    compile: ({ value }, env) => boughtOrHeld(env, { ...options.filters(value), period: value.period }),
  };
  return definition as CriterionDefinition;
}

type Ids = z.infer<typeof purchaseIdsValueSchema>;
type Values = z.infer<typeof purchaseValuesValueSchema>;
const last12Months = { last: { amount: 12, unit: 'month' } } as const;
const sampleId = '0190a3c2-7b1e-7000-8000-000000000001';

const catalogue: CriterionDefinition[] = [
  catalogueCriterion<Ids>({
    id: 'purchases.production',
    label: { fr: 'Spectacle ou exposition', en: 'Production' },
    schema: purchaseIdsValueSchema,
    filters: (v) => ({ productionIds: v.ids }),
    optionsFrom: '/api/v1/productions',
    example: { ids: [sampleId], period: last12Months },
  }),
  catalogueCriterion<Values>({
    id: 'purchases.discipline',
    label: { fr: 'Discipline', en: 'Discipline' },
    schema: purchaseValuesValueSchema,
    filters: (v) => ({ disciplines: v.values }),
    choices: DISCIPLINES.map((d) => ({ value: d, label: { fr: d, en: d } })),
    example: { values: ['théâtre'], period: { from: '2025-09-01', to: '2026-06-30' } },
  }),
  catalogueCriterion<Ids>({
    id: 'purchases.venue',
    label: { fr: 'Lieu', en: 'Venue' },
    schema: purchaseIdsValueSchema,
    filters: (v) => ({ venueIds: v.ids }),
    optionsFrom: '/api/v1/venues',
    example: { ids: [sampleId] },
  }),
  catalogueCriterion<Ids>({
    id: 'purchases.season',
    label: { fr: 'Saison', en: 'Season' },
    schema: purchaseIdsValueSchema,
    filters: (v) => ({ seasonIds: v.ids }),
    optionsFrom: '/api/v1/seasons',
    example: { ids: [sampleId] },
  }),
  catalogueCriterion<Ids>({
    id: 'purchases.priceCategory',
    label: { fr: 'Tarif', en: 'Price category' },
    schema: purchaseIdsValueSchema,
    filters: (v) => ({ priceCategoryIds: v.ids }),
    optionsFrom: '/api/v1/price-categories',
    example: { ids: [sampleId], period: { last: { amount: 2, unit: 'year' } } },
  }),
  catalogueCriterion<Values>({
    id: 'purchases.channel',
    label: { fr: 'Canal de vente', en: 'Sales channel' },
    schema: purchaseValuesValueSchema,
    filters: (v) => ({ channels: v.values }),
    choices: CHANNELS.map(([value, fr, en]) => ({ value, label: { fr, en } })),
    example: { values: ['web'], period: last12Months },
  }),
];

type TicketCount = z.infer<typeof ticketCountValueSchema>;
type Count = z.infer<typeof countValueSchema>;
type Amount = z.infer<typeof amountValueSchema>;

/** Spend of an order as the summaries count it: its valid lines, or its total when it has none. */
const ORDER_SPEND = sql`coalesce((SELECT CASE WHEN count(*) = 0 THEN NULL
    ELSE coalesce(sum(tl.amount) FILTER (WHERE tl.status NOT IN ${VOID}), 0) END
  FROM ticket_lines tl WHERE tl.order_id = o.id), o.total, 0)`;

function ordersOfPerson(env: CompileEnvironment, period: CriteriaPeriod | undefined, select: SQL): SQL {
  return sql`(SELECT ${select} FROM orders o WHERE o.tenant_id = ${env.tenantId}::uuid
    AND o.buyer_person_id = p.id AND o.status NOT IN ${VOID}
    AND ${withinPeriod(sql`o.ordered_at`, resolvePeriod(period, env.now))})`;
}

/** Rows `(k)` of performances attended by `p` (scans, or valid tickets of begun performances). */
function attendedPerformances(env: CompileEnvironment, period: CriteriaPeriod | undefined): SQL {
  const range = resolvePeriod(period, env.now);
  const begun = sql`pf.starts_at <= ${instant(env.now)} AND ${withinPeriod(sql`pf.starts_at`, range)}`;
  const { held, bought } = linesOfPerson(env, {}, sql`tl.performance_id`, true);
  const withPerformance = (lines: SQL) =>
    sql`SELECT x.performance_id::text AS k FROM (${lines}) x JOIN performances pf ON pf.id = x.performance_id
      WHERE ${begun}`;
  return sql`SELECT coalesce(v.performance_id::text, v.id::text) AS k FROM visits v
      WHERE v.tenant_id = ${env.tenantId}::uuid AND v.person_id = p.id
        AND ${withinPeriod(sql`v.scanned_at`, range)}
    UNION ALL ${withPerformance(held)} UNION ALL ${withPerformance(bought)}`;
}

const counts: CriterionDefinition[] = [
  {
    id: 'purchases.tickets',
    category: 'purchases',
    label: { fr: 'Nombre de billets', en: 'Number of tickets' },
    description: {
      fr: 'Billets valides de la personne, filtrés par période, spectacle, discipline, lieu, saison, tarif ou canal.',
      en: "The person's valid tickets, filtered by period, production, discipline, venue, season, price or channel.",
    },
    operators: COUNT_OPERATORS,
    value: ticketCountValueSchema,
    example: {
      field: 'purchases.tickets',
      operator: 'gte',
      value: { count: 2, disciplines: ['théâtre'], period: last12Months },
    },
    compile({ operator, value }, env) {
      const { count, ...filters } = value;
      if (Object.keys(filters).length === 0) {
        return compareCount(summaryFact(env, 'tickets_count'), operator, count);
      }
      const { held, bought } = linesOfPerson(env, filters, sql`count(*)`, true);
      return compareCount(sql`((${held}) + (${bought}))`, operator, count);
    },
  } satisfies CriterionDefinition<TicketCount> as CriterionDefinition,
  {
    id: 'purchases.orders',
    category: 'purchases',
    label: { fr: 'Nombre de commandes', en: 'Number of orders' },
    operators: COUNT_OPERATORS,
    value: countValueSchema,
    example: {
      field: 'purchases.orders',
      operator: 'gte',
      value: { count: 3, period: { last: { amount: 2, unit: 'year' } } },
    },
    compile: ({ operator, value }, env) =>
      compareCount(
        value.period ? ordersOfPerson(env, value.period, sql`count(*)`) : summaryFact(env, 'orders_count'),
        operator,
        value.count,
      ),
  } satisfies CriterionDefinition<Count> as CriterionDefinition,
  {
    id: 'purchases.spend',
    category: 'purchases',
    label: { fr: 'Montant dépensé (€)', en: 'Amount spent (€)' },
    operators: COUNT_OPERATORS,
    value: amountValueSchema,
    example: { field: 'purchases.spend', operator: 'gte', value: { amount: 100, period: last12Months } },
    compile: ({ operator, value }, env) => {
      const spend = value.period
        ? sql`coalesce(${ordersOfPerson(env, value.period, sql`sum(${ORDER_SPEND})`)}, 0)`
        : summaryFact(env, 'spend_total');
      return sql`${spend} ${sql.raw(COMPARATORS[operator] ?? '>=')} ${String(value.amount)}::numeric`;
    },
  } satisfies CriterionDefinition<Amount> as CriterionDefinition,
  {
    id: 'purchases.firstTimeBuyer',
    category: 'purchases',
    label: { fr: 'Primo-acheteur', en: 'First-time buyer' },
    description: {
      fr: 'Première commande passée dans la période.',
      en: 'First order placed within the period.',
    },
    operators: ['is', 'isNot'],
    value: periodValueSchema,
    example: { field: 'purchases.firstTimeBuyer', operator: 'is', value: { period: last12Months } },
    compile: ({ value }, env) =>
      sql`EXISTS (SELECT 1 FROM person_ticketing_summaries s WHERE s.person_id = p.id
        AND s.tenant_id = ${env.tenantId}::uuid
        AND ${withinPeriod(sql`s.first_order_at`, resolvePeriod(value.period, env.now))})`,
  } satisfies CriterionDefinition<z.infer<typeof periodValueSchema>> as CriterionDefinition,
  {
    id: 'purchases.lapsed',
    category: 'purchases',
    label: { fr: 'Sans achat depuis', en: 'Lapsed since' },
    description: {
      fr: 'A déjà commandé, mais pas depuis N mois.',
      en: 'Has ordered before, but not in the last N months.',
    },
    operators: ['is', 'isNot'],
    value: monthsValueSchema,
    example: { field: 'purchases.lapsed', operator: 'is', value: { months: 6 } },
    compile: ({ value }, env) => {
      const since = resolvePeriod({ last: { amount: value.months, unit: 'month' } }, env.now).start as Date;
      return sql`EXISTS (SELECT 1 FROM person_ticketing_summaries s WHERE s.person_id = p.id
        AND s.tenant_id = ${env.tenantId}::uuid AND s.last_order_at < ${instant(since)})`;
    },
  } satisfies CriterionDefinition<z.infer<typeof monthsValueSchema>> as CriterionDefinition,
  {
    id: 'attendance.visits',
    category: 'attendance',
    label: { fr: 'Nombre de venues', en: 'Number of visits' },
    description: {
      fr: 'Représentations ou créneaux distincts auxquels la personne est venue (entrée contrôlée, ou billet valide d’une séance passée).',
      en: 'Distinct performances attended (a scan, or a valid ticket for a past performance).',
    },
    operators: COUNT_OPERATORS,
    value: countValueSchema,
    example: { field: 'attendance.visits', operator: 'gte', value: { count: 2, period: last12Months } },
    compile: ({ operator, value }, env) =>
      compareCount(
        sql`(SELECT count(DISTINCT a.k) FROM (${attendedPerformances(env, value.period)}) a)`,
        operator,
        value.count,
      ),
  } satisfies CriterionDefinition<Count> as CriterionDefinition,
  {
    id: 'attendance.noShows',
    category: 'attendance',
    label: { fr: 'Billets non utilisés', en: 'No-shows' },
    description: {
      fr: 'Billets valides de séances passées avec contrôle d’accès, sans entrée de la personne.',
      en: 'Valid tickets for past performances with entry control, where the person did not enter.',
    },
    operators: COUNT_OPERATORS,
    value: countValueSchema,
    example: { field: 'attendance.noShows', operator: 'gte', value: { count: 1, period: last12Months } },
    compile({ operator, value }, env) {
      const tenant = sql`${env.tenantId}::uuid`;
      const range = resolvePeriod(value.period, env.now);
      const { held, bought } = linesOfPerson(env, {}, sql`tl.id, tl.performance_id`, true);
      const missed = (lines: SQL) => sql`SELECT count(*) FROM (${lines}) x
        JOIN performances pf ON pf.id = x.performance_id
        WHERE pf.starts_at <= ${instant(env.now)} AND ${withinPeriod(sql`pf.starts_at`, range)}
          AND EXISTS (SELECT 1 FROM visits c WHERE c.tenant_id = ${tenant} AND c.performance_id = x.performance_id)
          AND NOT EXISTS (SELECT 1 FROM visits w WHERE w.tenant_id = ${tenant} AND w.ticket_line_id = x.id)
          AND NOT EXISTS (SELECT 1 FROM visits w WHERE w.tenant_id = ${tenant} AND w.person_id = p.id
            AND w.performance_id = x.performance_id)`;
      return compareCount(sql`((${missed(held)}) + (${missed(bought)}))`, operator, value.count);
    },
  } satisfies CriterionDefinition<Count> as CriterionDefinition,
];

defineCriteria([...catalogue, ...counts]);
