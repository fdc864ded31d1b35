import type { CreateUserInput, UpdateUserInput, User } from '@parterre/contract/accounts';
import { apiRequest, apiRequestWithMeta, type Page } from '../../app/api-client';

export type { CreateUserInput, UpdateUserInput, User };
export type UserStatus = User['status'];

export function listUsers(params: {
  q?: string;
  cursor?: string | null;
  limit?: number;
}): Promise<Page<User>> {
  return apiRequest('GET', '/users', { query: params });
}

export async function getUser(id: string): Promise<User> {
  const { data, etag } = await apiRequestWithMeta<User>('GET', `/users/${encodeURIComponent(id)}`);
  // The ETag is authoritative for If-Match when present.
  const version = etag ? Number(etag.replace(/^W\//, '').replace(/"/g, '')) : Number.NaN;
  return Number.isFinite(version) ? { ...data, version } : data;
}

export function createUser(input: CreateUserInput): Promise<User> {
  return apiRequest('POST', '/users', { body: input });
}

export function updateUser(id: string, version: number, patch: UpdateUserInput): Promise<User> {
  return apiRequest('PATCH', `/users/${encodeURIComponent(id)}`, { body: patch, ifMatch: version });
}
