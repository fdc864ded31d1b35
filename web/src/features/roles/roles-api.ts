import type { CreateRoleInput, Permission, Role, UpdateRoleInput } from '@parterre/contract/accounts';
import { apiRequest, fetchAllPages, type Page } from '../../app/api-client';

export type { Permission, Role, UpdateRoleInput };
export type RoleInput = CreateRoleInput;

export function listRoles(params: { cursor?: string | null; limit?: number }): Promise<Page<Role>> {
  return apiRequest('GET', '/roles', { query: params });
}

export function listAllRoles(): Promise<Role[]> {
  return fetchAllPages((cursor) => listRoles({ cursor, limit: 200 }));
}

export async function listPermissions(): Promise<Permission[]> {
  const { data } = await apiRequest<{ data: Permission[] }>('GET', '/permissions');
  return data;
}

export function createRole(input: RoleInput): Promise<Role> {
  return apiRequest('POST', '/roles', { body: input });
}

export function updateRole(
  id: string,
  version: number,
  patch: Partial<Omit<RoleInput, 'code'>>,
): Promise<Role> {
  return apiRequest('PATCH', `/roles/${encodeURIComponent(id)}`, { body: patch, ifMatch: version });
}

export async function deleteRole(id: string): Promise<void> {
  await apiRequest('DELETE', `/roles/${encodeURIComponent(id)}`);
}
