import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cursorQueryOptions, defaultPageSize } from '../../app/cursor-query';
import {
  type CatalogueFilters,
  type CatalogueInputs,
  type CatalogueKind,
  createCatalogueRow,
  deleteCatalogueRow,
  getOrder,
  getPersonTicketing,
  listAllCatalogue,
  listCatalogue,
  listOrders,
  type OrderFilters,
  updateCatalogueRow,
} from './ticketing-api';

export const ticketingKeys = {
  all: ['ticketing'] as const,
  catalogue: (kind: CatalogueKind) => ['ticketing', 'catalogue', kind] as const,
  catalogueList: (kind: CatalogueKind, filters: CatalogueFilters) =>
    ['ticketing', 'catalogue', kind, 'list', filters] as const,
  catalogueAll: (kind: CatalogueKind, filters: CatalogueFilters) =>
    ['ticketing', 'catalogue', kind, 'all', filters] as const,
  orders: (filters: OrderFilters) => ['ticketing', 'orders', filters] as const,
  order: (id: string) => ['ticketing', 'order', id] as const,
  person: (id: string) => ['ticketing', 'person', id] as const,
};

export function useCatalogueList<K extends CatalogueKind>(kind: K, filters: CatalogueFilters = {}) {
  return useInfiniteQuery(
    cursorQueryOptions(ticketingKeys.catalogueList(kind, filters), (cursor) =>
      listCatalogue(kind, { ...filters, cursor, limit: defaultPageSize }),
    ),
  );
}

export function allCatalogueQueryOptions<K extends CatalogueKind>(kind: K, filters: CatalogueFilters = {}) {
  return queryOptions({
    queryKey: ticketingKeys.catalogueAll(kind, filters),
    queryFn: () => listAllCatalogue(kind, filters),
    staleTime: 60_000,
  });
}

/** Every row of a catalogue resource: for pickers, and for names next to ids in tables. */
export function useAllCatalogue<K extends CatalogueKind>(kind: K, filters: CatalogueFilters = {}) {
  return useQuery(allCatalogueQueryOptions(kind, filters));
}

/** Creates a row, or updates it when `id` and `version` are given (If-Match). */
export function useSaveCatalogueRow<K extends CatalogueKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { id?: string; version?: number; input: CatalogueInputs[K] }) =>
      args.id && args.version !== undefined
        ? updateCatalogueRow(kind, args.id, args.version, args.input)
        : createCatalogueRow(kind, args.input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ticketingKeys.catalogue(kind) }),
  });
}

export function useDeleteCatalogueRow(kind: CatalogueKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteCatalogueRow(kind, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketingKeys.catalogue(kind) }),
  });
}

export function useOrders(filters: OrderFilters) {
  return useInfiniteQuery(
    cursorQueryOptions(ticketingKeys.orders(filters), (cursor) =>
      listOrders({ ...filters, cursor, limit: defaultPageSize }),
    ),
  );
}

export function useOrder(id: string) {
  return useQuery({ queryKey: ticketingKeys.order(id), queryFn: () => getOrder(id) });
}

export function usePersonTicketing(personId: string, enabled = true) {
  return useQuery({
    queryKey: ticketingKeys.person(personId),
    queryFn: () => getPersonTicketing(personId),
    enabled,
  });
}
