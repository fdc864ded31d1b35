import type { ContactFilter } from '@parterre/contract/contact-lists';
import { listMatchingIds, type PersonListParams } from './contacts-api';

/** Rows ticked one by one, or every result of the current search and filter. */
export type Selection = { kind: 'ids'; ids: string[] } | { kind: 'all'; count: number };

/** Above this, "all results" of a quick search cannot be collected id by id. */
export const maxQuickSearchSelection = 10_000;

export function selectionCount(selection: Selection | null): number {
  if (!selection) return 0;
  return selection.kind === 'ids' ? selection.ids.length : selection.count;
}

/**
 * What bulk actions and exports receive. The server selects by filter but knows nothing of the
 * quick search, so the ids of a quick search's results are collected first.
 */
export async function resolveSelection(
  selection: Selection,
  params: PersonListParams,
): Promise<{ ids: string[] } | { filter: ContactFilter }> {
  if (selection.kind === 'ids') return { ids: selection.ids };
  if (!params.q) return { filter: params.filter ?? { all: [] } };
  return { ids: await listMatchingIds(params, maxQuickSearchSelection) };
}
