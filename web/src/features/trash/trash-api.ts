import type { TrashItem } from '@parterre/contract/contacts';
import { apiRequest, type Page } from '../../app/api-client';

export type { TrashItem };
export type TrashKind = 'person' | 'organisation';

const segment = (kind: TrashKind) => (kind === 'person' ? 'contacts' : 'organisations');

/** Records deleted less than 30 days ago, most recent first. */
export function listTrash(kind: TrashKind, cursor: string | null): Promise<Page<TrashItem>> {
  return apiRequest('GET', `/${segment(kind)}/trash`, { query: { cursor, limit: 50 } });
}

export async function restoreFromTrash(kind: TrashKind, id: string): Promise<void> {
  await apiRequest('POST', `/${segment(kind)}/${encodeURIComponent(id)}/restore`);
}

export async function purge(kind: TrashKind, id: string): Promise<void> {
  await apiRequest('DELETE', `/${segment(kind)}/${encodeURIComponent(id)}`, { query: { permanent: true } });
}
