import type {
  BulkActionInput,
  BulkActionResult,
  ContactFilter,
  CreateSavedViewInput,
  ExportInput,
  PersonListItem,
  PersonListPage,
  SavedView,
  UpdateSavedViewInput,
} from '@parterre/contract/contact-lists';
import type { CustomField } from '@parterre/contract/custom-fields';
import type { OrganisationSummary, OrganisationType } from '@parterre/contract/organisations';
import { apiRequest, buildUrl, type Page } from '../../app/api-client';

export type {
  BulkActionInput,
  BulkActionResult,
  ContactFilter,
  CustomField,
  ExportInput,
  OrganisationSummary,
  OrganisationType,
  PersonListItem,
  PersonListPage,
  SavedView,
};

export interface PersonListParams {
  q?: string;
  sort?: string;
  filter?: ContactFilter;
}

function filterParam(filter: ContactFilter | undefined): string | undefined {
  return filter && filter.all.length > 0 ? JSON.stringify(filter) : undefined;
}

/** One page of people; the first page also carries the total when `withTotal` is set. */
export function listPeople(
  params: PersonListParams & { cursor?: string | null; limit?: number; withTotal?: boolean },
): Promise<PersonListPage> {
  return apiRequest('GET', '/contacts', {
    query: {
      q: params.q,
      sort: params.sort,
      filter: filterParam(params.filter),
      cursor: params.cursor,
      limit: params.limit,
      withTotal: params.withTotal ? 'true' : undefined,
    },
  });
}

/** Ids of every person matching a quick search, for bulk actions (the server's `filter` has no `q`). */
export async function listMatchingIds(params: PersonListParams, max: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: PersonListPage = await listPeople({ ...params, cursor, limit: 500 });
    ids.push(...page.data.map((person) => person.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < max);
  return ids;
}

export function runBulkAction(input: BulkActionInput): Promise<BulkActionResult> {
  return apiRequest('POST', '/contacts:bulk', { body: input });
}

export function requestExport(input: ExportInput): Promise<{ jobId: string }> {
  return apiRequest('POST', '/contacts:export', { body: input });
}

/** Plain link to the finished export: the browser downloads it with the session cookie. */
export function exportDownloadUrl(jobId: string): string {
  return buildUrl(`/exports/${encodeURIComponent(jobId)}/download`);
}

export async function listPersonCustomFields(): Promise<CustomField[]> {
  const page = await apiRequest<{ data: CustomField[] }>('GET', '/custom-fields', {
    query: { entity: 'person' },
  });
  return page.data;
}

export async function listSavedViews(): Promise<SavedView[]> {
  const page = await apiRequest<{ data: SavedView[] }>('GET', '/saved-views', {
    query: { entity: 'person' },
  });
  return page.data;
}

export function createSavedView(input: CreateSavedViewInput): Promise<SavedView> {
  return apiRequest('POST', '/saved-views', { body: input });
}

export function updateSavedView(view: SavedView, patch: UpdateSavedViewInput): Promise<SavedView> {
  return apiRequest('PATCH', `/saved-views/${encodeURIComponent(view.id)}`, {
    body: patch,
    ifMatch: view.version,
  });
}

export async function deleteSavedView(id: string): Promise<void> {
  await apiRequest('DELETE', `/saved-views/${encodeURIComponent(id)}`);
}

export function listOrganisations(params: {
  q?: string;
  type?: OrganisationType;
  cursor?: string | null;
  limit?: number;
}): Promise<Page<OrganisationSummary>> {
  return apiRequest('GET', '/organisations', { query: params });
}
