import type {
  CreatePerformanceInput,
  CreatePriceCategoryInput,
  CreateProductionInput,
  CreateSeasonInput,
  CreateVenueInput,
  ListOrdersQuery,
  Order,
  OrderSummary,
  Performance,
  PersonTicketing,
  PriceCategory,
  Production,
  Season,
  Venue,
} from '@parterre/contract/ticketing';
import { apiRequest, fetchAllPages, type Page } from '../../app/api-client';

export type { Order, OrderSummary, Performance, PersonTicketing, PriceCategory, Production, Season, Venue };

/** The catalogue resources, by their URL segment under /api/v1. */
export interface CatalogueRows {
  seasons: Season;
  venues: Venue;
  productions: Production;
  performances: Performance;
  'price-categories': PriceCategory;
}
export interface CatalogueInputs {
  seasons: CreateSeasonInput;
  venues: CreateVenueInput;
  productions: CreateProductionInput;
  performances: CreatePerformanceInput;
  'price-categories': CreatePriceCategoryInput;
}
export type CatalogueKind = keyof CatalogueRows;
export type CatalogueRow = CatalogueRows[CatalogueKind];

/** `productionId` and `seasonId` narrow performances; `seasonId` narrows productions. */
export interface CatalogueFilters {
  productionId?: string;
  seasonId?: string;
}

export function listCatalogue<K extends CatalogueKind>(
  kind: K,
  params: CatalogueFilters & { cursor?: string | null; limit?: number },
): Promise<Page<CatalogueRows[K]>> {
  return apiRequest('GET', `/${kind}`, { query: { ...params } });
}

/** The whole (small) list, for pickers and for showing names next to ids. */
export function listAllCatalogue<K extends CatalogueKind>(
  kind: K,
  filters: CatalogueFilters = {},
): Promise<CatalogueRows[K][]> {
  return fetchAllPages((cursor) => listCatalogue(kind, { ...filters, cursor, limit: 500 }));
}

export function createCatalogueRow<K extends CatalogueKind>(
  kind: K,
  input: CatalogueInputs[K],
): Promise<CatalogueRows[K]> {
  return apiRequest('POST', `/${kind}`, { body: input });
}

export function updateCatalogueRow<K extends CatalogueKind>(
  kind: K,
  id: string,
  version: number,
  patch: Partial<CatalogueInputs[K]>,
): Promise<CatalogueRows[K]> {
  return apiRequest('PATCH', `/${kind}/${encodeURIComponent(id)}`, { body: patch, ifMatch: version });
}

export async function deleteCatalogueRow(kind: CatalogueKind, id: string): Promise<void> {
  await apiRequest('DELETE', `/${kind}/${encodeURIComponent(id)}`);
}

/** Filters of the orders list, as kept in the page's URL. */
export type OrderFilters = Omit<ListOrdersQuery, 'cursor' | 'limit'>;

export function listOrders(
  params: OrderFilters & { cursor?: string | null; limit?: number },
): Promise<Page<OrderSummary>> {
  return apiRequest('GET', '/orders', { query: { ...params } });
}

export function getOrder(id: string): Promise<Order> {
  return apiRequest('GET', `/orders/${encodeURIComponent(id)}`);
}

export function getPersonTicketing(personId: string): Promise<PersonTicketing> {
  return apiRequest('GET', `/contacts/${encodeURIComponent(personId)}/ticketing`);
}
