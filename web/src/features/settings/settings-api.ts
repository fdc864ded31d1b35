import type { SecuritySettingsDto, UpdateSecuritySettingsInput } from '@parterre/contract/accounts';
import { apiRequest } from '../../app/api-client';

export type SecuritySettings = SecuritySettingsDto;
export type SecuritySettingsInput = UpdateSecuritySettingsInput;

export function getSecuritySettings(): Promise<SecuritySettings> {
  return apiRequest('GET', '/settings/security');
}

export function updateSecuritySettings(
  version: number,
  patch: SecuritySettingsInput,
): Promise<SecuritySettings> {
  return apiRequest('PATCH', '/settings/security', { body: patch, ifMatch: version });
}
