import type { OutboxMail } from '@parterre/contract/outbox';
import { apiRequest, type Page } from '../../app/api-client';

export type OutboxMessage = OutboxMail;
/** The list only needs these fields (the server may send more). */
export type OutboxSummary = Pick<OutboxMail, 'id' | 'to' | 'subject' | 'createdAt' | 'status'>;

export function listOutbox(params: { cursor?: string | null; limit?: number }): Promise<Page<OutboxSummary>> {
  return apiRequest('GET', '/outbox', { query: params });
}

export function getOutboxMessage(id: string): Promise<OutboxMessage> {
  return apiRequest('GET', `/outbox/${encodeURIComponent(id)}`);
}
