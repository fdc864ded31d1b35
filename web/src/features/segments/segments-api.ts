import type { PersonListItem, PersonListPage } from '@parterre/contract/contact-lists';
import type {
  CreateListInput,
  CreateSegmentInput,
  CriteriaFields,
  CriteriaGroup,
  ListMembersInput,
  Segment,
  StaticList,
  UpdateSegmentInput,
} from '@parterre/contract/segments';
import { apiRequest, fetchAllPages, type Page } from '../../app/api-client';

export type { CriteriaFields, CriteriaGroup, PersonListItem, PersonListPage, Segment, StaticList };

const segmentPath = (id: string) => `/segments/${encodeURIComponent(id)}`;
const listPath = (id: string) => `/lists/${encodeURIComponent(id)}`;

export function listFields(): Promise<CriteriaFields> {
  return apiRequest('GET', '/segments/fields');
}

export function listSegments(params: { cursor?: string | null; limit?: number }): Promise<Page<Segment>> {
  return apiRequest('GET', '/segments', { query: params });
}

export function getSegment(id: string): Promise<Segment> {
  return apiRequest('GET', segmentPath(id));
}

export function createSegment(input: CreateSegmentInput): Promise<{ id: string }> {
  return apiRequest('POST', '/segments', { body: input });
}

export function updateSegment(id: string, version: number, patch: UpdateSegmentInput): Promise<Segment> {
  return apiRequest('PATCH', segmentPath(id), { body: patch, ifMatch: version });
}

export async function deleteSegment(id: string): Promise<void> {
  await apiRequest('DELETE', segmentPath(id));
}

export function countSegment(id: string): Promise<{ count: number }> {
  return apiRequest('GET', `${segmentPath(id)}/count`);
}

export type CountWithSample = { count: number; sample?: PersonListPage['data'] };

/** Count of unsaved criteria, with the first members by name. */
export function countCriteria(criteria: CriteriaGroup, sample: number, signal?: AbortSignal) {
  return apiRequest<CountWithSample>('POST', '/segments:count', { body: { criteria, sample }, signal });
}

export function listSegmentMembers(id: string, params: { cursor?: string | null; limit?: number }) {
  return apiRequest<PersonListPage>('GET', `${segmentPath(id)}/members`, { query: params });
}

export function snapshotSegment(id: string, input: CreateListInput): Promise<StaticList> {
  return apiRequest('POST', `${segmentPath(id)}/snapshot`, { body: input });
}

export function listLists(params: { cursor?: string | null; limit?: number }): Promise<Page<StaticList>> {
  return apiRequest('GET', '/lists', { query: params });
}

export function getList(id: string): Promise<StaticList> {
  return apiRequest('GET', listPath(id));
}

export function createList(input: CreateListInput): Promise<StaticList> {
  return apiRequest('POST', '/lists', { body: input });
}

export async function deleteList(id: string): Promise<void> {
  await apiRequest('DELETE', listPath(id));
}

export function listListMembers(id: string, params: { cursor?: string | null; limit?: number }) {
  return apiRequest<PersonListPage>('GET', `${listPath(id)}/members`, { query: params });
}

export function changeListMembers(id: string, input: ListMembersInput) {
  return apiRequest<{ added: number; removed: number; memberCount: number }>(
    'POST',
    `${listPath(id)}/members`,
    { body: input },
  );
}

export type OptionItem = { value: string; label: string };

/**
 * The values a criterion offers through `optionsFrom` (`/api/v1/productions`…): every record of
 * that collection, labelled by its name or title.
 */
export async function listOptionsFrom(optionsFrom: string): Promise<OptionItem[]> {
  const path = optionsFrom.replace(/^\/api\/v1/, '');
  const records = await fetchAllPages((cursor) =>
    apiRequest<Page<Record<string, unknown>>>('GET', path, { query: { cursor, limit: 200 } }),
  );
  return records.map((record) => ({
    value: String(record.id),
    label: String(record.name ?? record.title ?? record.label ?? record.id),
  }));
}

export function listAllLists(): Promise<StaticList[]> {
  return fetchAllPages((cursor) => listLists({ cursor, limit: 200 }));
}

/**
 * Adds today's members of a segment to an existing list: their ids page by page (500 at a time),
 * then in batches the lists route accepts (10,000). People already in the list are not counted.
 */
export async function addSegmentToList(segmentId: string, listId: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: PersonListPage = await listSegmentMembers(segmentId, { cursor, limit: 500 });
    ids.push(...page.data.map((person) => person.id));
    cursor = page.nextCursor;
  } while (cursor);
  let added = 0;
  let memberCount = 0;
  for (let start = 0; start < ids.length; start += 10_000) {
    const result = await changeListMembers(listId, { add: ids.slice(start, start + 10_000) });
    added += result.added;
    memberCount = result.memberCount;
  }
  return { members: ids.length, added, memberCount };
}
