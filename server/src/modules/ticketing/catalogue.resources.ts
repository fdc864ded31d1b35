import {
  createPerformanceInputSchema,
  createPriceCategoryInputSchema,
  createProductionInputSchema,
  createSeasonInputSchema,
  createVenueInputSchema,
  type Performance,
  type PriceCategory,
  type Production,
  performanceSchema,
  priceCategorySchema,
  productionSchema,
  type Season,
  seasonSchema,
  updatePerformanceInputSchema,
  updatePriceCategoryInputSchema,
  updateProductionInputSchema,
  updateSeasonInputSchema,
  updateVenueInputSchema,
  type Venue,
  venueSchema,
} from '@parterre/contract/ticketing';
import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { foldLabel, inferPriceCategoryKind } from './price-category-kind.ts';
import { toIso } from './ticketing.sql.ts';
import {
  performances,
  priceCategories,
  productions,
  seasons,
  ticketLines,
  venues,
} from './ticketing.tables.ts';

type Row = Record<string, unknown>;
type Input = Record<string, unknown>;

/**
 * Everything the generic catalogue service, repository and routes need to know about one resource:
 * its table, its contract schemas, how a row becomes a DTO and what an input writes.
 */
export type CatalogueResource = {
  /** Entity type in audit rows and events (`production.created`…). */
  entity: string;
  /** URL segment under /api/v1. */
  path: string;
  /** French label for the OpenAPI summaries. */
  labelFr: { one: string; many: string };
  table: PgTable;
  /** Rows carry (source, externalId); price categories are keyed by their folded label instead. */
  sourced: boolean;
  schema: z.ZodType;
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  /** The sort key, never null (so that cursors stay simple), and the type to cast a cursor value to. */
  sort: { expression: SQL; cast: 'text' | 'timestamptz' };
  sortValue(dto: Row): string;
  toDto(row: Row): Row;
  /** Columns written by a create, before tenant, id and source are added. */
  createColumns(input: Input): Row;
  updateColumns(input: Input): Row;
  /** Ids the input points to, checked to exist in the tenant. */
  references(input: Input): { path: string; table: PgTable; id: string }[];
  /** Filters of the list query (`productionId`, `seasonId`) this resource understands, as conditions. */
  filters: Record<string, (tenantId: string, id: string) => SQL>;
  /** Tables that point to a row: deletion is refused while they do. */
  usedBy: { table: PgTable; column: string }[];
};

const iso = (value: unknown) => toIso(value) as string;
const given = (input: Input, keys: string[]) =>
  Object.fromEntries(keys.filter((key) => input[key] !== undefined).map((key) => [key, input[key] ?? null]));
const stamps = (row: Row) => ({
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
  version: row.version,
});
const sourced = (row: Row) => ({ source: row.source, externalId: row.externalId });
const asDate = (value: unknown) => (value ? new Date(String(value)) : null);

export const venueResource: CatalogueResource = {
  entity: 'venue',
  path: 'venues',
  labelFr: { one: 'un lieu', many: 'les lieux' },
  table: venues,
  sourced: true,
  schema: venueSchema,
  createSchema: createVenueInputSchema,
  updateSchema: updateVenueInputSchema,
  sort: { expression: sql`${venues.name}`, cast: 'text' },
  sortValue: (dto) => String(dto.name),
  toDto: (row): Venue =>
    ({
      id: row.id,
      ...sourced(row),
      name: row.name,
      city: row.city,
      capacity: row.capacity,
      ...stamps(row),
    }) as Venue,
  createColumns: (input) => ({ city: null, capacity: null, ...given(input, ['name', 'city', 'capacity']) }),
  updateColumns: (input) => given(input, ['name', 'city', 'capacity']),
  references: () => [],
  filters: {},
  usedBy: [{ table: performances, column: 'venue_id' }],
};

export const seasonResource: CatalogueResource = {
  entity: 'season',
  path: 'seasons',
  labelFr: { one: 'une saison', many: 'les saisons' },
  table: seasons,
  sourced: true,
  schema: seasonSchema,
  createSchema: createSeasonInputSchema,
  updateSchema: updateSeasonInputSchema,
  sort: { expression: sql`${seasons.name}`, cast: 'text' },
  sortValue: (dto) => String(dto.name),
  toDto: (row): Season =>
    ({
      id: row.id,
      ...sourced(row),
      name: row.name,
      startsOn: row.startsOn ?? null,
      endsOn: row.endsOn ?? null,
      ...stamps(row),
    }) as Season,
  createColumns: (input) => ({
    startsOn: null,
    endsOn: null,
    ...given(input, ['name', 'startsOn', 'endsOn']),
  }),
  updateColumns: (input) => given(input, ['name', 'startsOn', 'endsOn']),
  references: () => [],
  filters: {},
  usedBy: [{ table: productions, column: 'season_id' }],
};

export const productionResource: CatalogueResource = {
  entity: 'production',
  path: 'productions',
  labelFr: { one: 'un spectacle ou une exposition', many: 'les spectacles et expositions' },
  table: productions,
  sourced: true,
  schema: productionSchema,
  createSchema: createProductionInputSchema,
  updateSchema: updateProductionInputSchema,
  sort: { expression: sql`${productions.title}`, cast: 'text' },
  sortValue: (dto) => String(dto.title),
  toDto: (row): Production =>
    ({
      id: row.id,
      ...sourced(row),
      title: row.title,
      kind: row.kind,
      discipline: row.discipline,
      seasonId: row.seasonId,
      ...stamps(row),
    }) as Production,
  createColumns: (input) => ({
    kind: 'spectacle',
    discipline: null,
    seasonId: null,
    ...given(input, ['title', 'kind', 'discipline', 'seasonId']),
  }),
  updateColumns: (input) => given(input, ['title', 'kind', 'discipline', 'seasonId']),
  references: (input) =>
    input.seasonId ? [{ path: 'body.seasonId', table: seasons, id: String(input.seasonId) }] : [],
  filters: { seasonId: (_tenantId, id) => sql`${productions.seasonId} = ${id}::uuid` },
  usedBy: [{ table: performances, column: 'production_id' }],
};

export const performanceResource: CatalogueResource = {
  entity: 'performance',
  path: 'performances',
  labelFr: { one: 'une représentation ou un créneau', many: 'les représentations et créneaux' },
  table: performances,
  sourced: true,
  schema: performanceSchema,
  createSchema: createPerformanceInputSchema,
  updateSchema: updatePerformanceInputSchema,
  sort: { expression: sql`coalesce(${performances.startsAt}, 'infinity'::timestamptz)`, cast: 'timestamptz' },
  sortValue: (dto) => (dto.startsAt as string | null) ?? 'infinity',
  toDto: (row): Performance =>
    ({
      id: row.id,
      ...sourced(row),
      productionId: row.productionId,
      venueId: row.venueId,
      startsAt: toIso(row.startsAt),
      endsAt: toIso(row.endsAt),
      capacity: row.capacity,
      ...stamps(row),
    }) as Performance,
  createColumns: (input) => ({
    venueId: null,
    startsAt: null,
    endsAt: null,
    capacity: null,
    ...given(input, ['productionId', 'venueId', 'capacity']),
    ...(input.startsAt !== undefined ? { startsAt: asDate(input.startsAt) } : {}),
    ...(input.endsAt !== undefined ? { endsAt: asDate(input.endsAt) } : {}),
  }),
  updateColumns: (input) => ({
    ...given(input, ['productionId', 'venueId', 'capacity']),
    ...(input.startsAt !== undefined ? { startsAt: asDate(input.startsAt) } : {}),
    ...(input.endsAt !== undefined ? { endsAt: asDate(input.endsAt) } : {}),
  }),
  references: (input) => [
    ...(input.productionId
      ? [{ path: 'body.productionId', table: productions, id: String(input.productionId) }]
      : []),
    ...(input.venueId ? [{ path: 'body.venueId', table: venues, id: String(input.venueId) }] : []),
  ],
  filters: {
    productionId: (_tenantId, id) => sql`${performances.productionId} = ${id}::uuid`,
    seasonId: (
      tenantId,
      id,
    ) => sql`${performances.productionId} IN (SELECT ${productions.id} FROM ${productions}
      WHERE ${productions.tenantId} = ${tenantId}::uuid AND ${productions.seasonId} = ${id}::uuid)`,
  },
  usedBy: [{ table: ticketLines, column: 'performance_id' }],
};

export const priceCategoryResource: CatalogueResource = {
  entity: 'price_category',
  path: 'price-categories',
  labelFr: { one: 'un tarif', many: 'les tarifs' },
  table: priceCategories,
  sourced: false,
  schema: priceCategorySchema,
  createSchema: createPriceCategoryInputSchema,
  updateSchema: updatePriceCategoryInputSchema,
  sort: { expression: sql`${priceCategories.label}`, cast: 'text' },
  sortValue: (dto) => String(dto.label),
  toDto: (row): PriceCategory =>
    ({ id: row.id, code: row.code, label: row.label, kind: row.kind, ...stamps(row) }) as PriceCategory,
  createColumns: (input) => ({
    label: input.label,
    code: foldLabel(String(input.label)),
    kind: input.kind ?? inferPriceCategoryKind(String(input.label)),
  }),
  updateColumns: (input) => ({
    ...given(input, ['label', 'kind']),
    ...(input.label !== undefined ? { code: foldLabel(String(input.label)) } : {}),
  }),
  references: () => [],
  filters: {},
  usedBy: [{ table: ticketLines, column: 'price_category_id' }],
};

export const catalogueResources = [
  venueResource,
  seasonResource,
  productionResource,
  performanceResource,
  priceCategoryResource,
];
