import type { CreateDepartmentInput, Department, UpdateDepartmentInput } from '@parterre/contract/accounts';
import { apiRequest, fetchAllPages, type Page } from '../../app/api-client';

export type { Department, UpdateDepartmentInput };
export type DepartmentInput = CreateDepartmentInput;

export function listDepartments(params: {
  cursor?: string | null;
  limit?: number;
}): Promise<Page<Department>> {
  return apiRequest('GET', '/departments', { query: params });
}

export function listAllDepartments(): Promise<Department[]> {
  return fetchAllPages((cursor) => listDepartments({ cursor, limit: 200 }));
}

export function createDepartment(input: DepartmentInput): Promise<Department> {
  return apiRequest('POST', '/departments', { body: input });
}

export function updateDepartment(
  id: string,
  version: number,
  patch: Partial<DepartmentInput>,
): Promise<Department> {
  return apiRequest('PATCH', `/departments/${encodeURIComponent(id)}`, { body: patch, ifMatch: version });
}

export async function deleteDepartment(id: string): Promise<void> {
  await apiRequest('DELETE', `/departments/${encodeURIComponent(id)}`);
}
