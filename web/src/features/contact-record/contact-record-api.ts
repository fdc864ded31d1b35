import type {
  CreatePersonInput,
  DuplicateCandidate,
  Person,
  UpdatePersonInput,
  VCardImportResult,
} from '@parterre/contract/contacts';
import type { CreateNoteInput, Note } from '@parterre/contract/notes';
import type {
  CreateRelationshipInput,
  Relationship,
  RelationshipKind,
  RelationshipView,
  UpdateRelationshipInput,
} from '@parterre/contract/relationships';
import type { SearchResult } from '@parterre/contract/search';
import type { TimelineEntry } from '@parterre/contract/timeline';
import { ApiError, apiDownload, apiRequest, apiRequestWithMeta, type Page } from '../../app/api-client';

export type {
  CreatePersonInput,
  DuplicateCandidate,
  Note,
  Person,
  RelationshipKind,
  RelationshipView,
  SearchResult,
  TimelineEntry,
  UpdatePersonInput,
  VCardImportResult,
};

/** A person or an organisation: relationships, notes and timelines work the same on both. */
export interface RecordRef {
  kind: 'person' | 'organisation';
  id: string;
}

export function recordPath(ref: RecordRef): string {
  return `/${ref.kind === 'person' ? 'contacts' : 'organisations'}/${encodeURIComponent(ref.id)}`;
}

/** The version from the ETag wins over the body's (same rule as every If-Match screen). */
export function withETagVersion<T extends { version: number }>(data: T, etag: string | null): T {
  const version = etag ? Number(etag.replace(/^W\//, '').replace(/"/g, '')) : Number.NaN;
  return Number.isFinite(version) ? { ...data, version } : data;
}

export async function getPerson(id: string): Promise<Person> {
  const { data, etag } = await apiRequestWithMeta<Person>('GET', recordPath({ kind: 'person', id }));
  return withETagVersion(data, etag);
}

/** Creates a person; without `force`, a probable duplicate is refused with 409 and its candidates. */
export function createPerson(input: CreatePersonInput, force: boolean): Promise<Person> {
  return apiRequest('POST', '/contacts', {
    body: input,
    query: force ? { force: true } : { checkDuplicates: true },
  });
}

export function updatePerson(id: string, version: number, patch: UpdatePersonInput): Promise<Person> {
  return apiRequest('PATCH', recordPath({ kind: 'person', id }), { body: patch, ifMatch: version });
}

export async function deletePerson(id: string, permanent = false): Promise<void> {
  await apiRequest('DELETE', recordPath({ kind: 'person', id }), {
    query: { permanent: permanent || undefined },
  });
}

/** The candidates of a 409 `contacts.probable_duplicate`, or null for any other error. */
export function duplicateCandidates(error: unknown): DuplicateCandidate[] | null {
  if (!(error instanceof ApiError) || error.code !== 'contacts.probable_duplicate') return null;
  return Array.isArray(error.problem.candidates) ? (error.problem.candidates as DuplicateCandidate[]) : [];
}

/** The record the server sent back with a 412, to offer a field-by-field merge. */
export function staleCurrent<T>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = error.problem.current;
  return current && typeof current === 'object' ? (current as T) : null;
}

export function exportPersonVCard(id: string) {
  return apiDownload('GET', recordPath({ kind: 'person', id }), { accept: 'text/vcard' });
}

export function importVCards(file: File): Promise<VCardImportResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  return apiRequest('POST', '/contacts:import-vcard', { body });
}

// Relationships --------------------------------------------------------------------------------

export async function listRelationships(ref: RecordRef): Promise<RelationshipView[]> {
  const { data } = await apiRequest<{ data: RelationshipView[] }>('GET', `${recordPath(ref)}/relationships`);
  return data;
}

export function createRelationship(input: CreateRelationshipInput): Promise<Relationship> {
  return apiRequest('POST', '/relationships', { body: input });
}

export function updateRelationship(
  id: string,
  version: number,
  patch: UpdateRelationshipInput,
): Promise<Relationship> {
  return apiRequest('PATCH', `/relationships/${encodeURIComponent(id)}`, { body: patch, ifMatch: version });
}

export async function deleteRelationship(id: string): Promise<void> {
  await apiRequest('DELETE', `/relationships/${encodeURIComponent(id)}`);
}

// Notes ----------------------------------------------------------------------------------------

export function listNotes(ref: RecordRef, cursor: string | null): Promise<Page<Note>> {
  return apiRequest('GET', `${recordPath(ref)}/notes`, { query: { cursor, limit: 20 } });
}

export function addNote(ref: RecordRef, input: CreateNoteInput): Promise<Note> {
  return apiRequest('POST', `${recordPath(ref)}/notes`, { body: input });
}

export async function deleteNote(id: string): Promise<void> {
  await apiRequest('DELETE', `/notes/${encodeURIComponent(id)}`);
}

// Timeline and search ---------------------------------------------------------------------------

export interface TimelineFilters {
  /** Comma-separated type prefixes (`note`, `order,ticket`…). */
  types?: string;
  departmentId?: string;
}

export function getTimeline(
  ref: RecordRef,
  filters: TimelineFilters,
  cursor: string | null,
  limit = 30,
): Promise<Page<TimelineEntry>> {
  return apiRequest('GET', `${recordPath(ref)}/timeline`, { query: { ...filters, cursor, limit } });
}

export async function searchContacts(q: string): Promise<SearchResult[]> {
  const { data } = await apiRequest<{ data: SearchResult[] }>('GET', '/search', { query: { q, limit: 10 } });
  return data;
}
