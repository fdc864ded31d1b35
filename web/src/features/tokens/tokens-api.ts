import type { ApiToken, CreatedToken, CreateTokenInput } from '@parterre/contract/accounts';
import { apiRequest, type Page } from '../../app/api-client';

export type { ApiToken, CreatedToken, CreateTokenInput };

export function listTokens(params: {
  userId?: string;
  cursor?: string | null;
  limit?: number;
}): Promise<Page<ApiToken>> {
  return apiRequest('GET', '/tokens', { query: params });
}

export function createToken(input: CreateTokenInput): Promise<CreatedToken> {
  return apiRequest('POST', '/tokens', { body: input });
}

export async function revokeToken(id: string): Promise<void> {
  await apiRequest('POST', `/tokens/${encodeURIComponent(id)}/revoke`);
}

export type TokenState = 'active' | 'revoked' | 'expired';

export function tokenState(token: ApiToken, now = Date.now()): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}
