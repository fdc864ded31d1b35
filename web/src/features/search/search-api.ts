import type { SearchResult } from '@parterre/contract/search';
import { apiRequest } from '../../app/api-client';

export type { SearchResult };

/** People and organisations matching a name, an e-mail, a phone number or a postal code. */
export async function searchContacts(q: string, signal?: AbortSignal): Promise<SearchResult[]> {
  const response = await apiRequest<{ data: SearchResult[] }>('GET', '/search', {
    query: { q, limit: 12 },
    signal,
  });
  return response.data;
}
