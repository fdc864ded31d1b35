import type { TotpSetup } from '@parterre/contract/accounts';
import { apiRequest } from '../../app/api-client';

export type { TotpSetup };

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await apiRequest('POST', '/auth/password', { body: { currentPassword, newPassword } });
}

export function startTotpSetup(): Promise<TotpSetup> {
  return apiRequest('POST', '/auth/totp/setup');
}

export async function enableTotp(code: string): Promise<void> {
  await apiRequest('POST', '/auth/totp/enable', { body: { code } });
}

export async function disableTotp(password: string): Promise<void> {
  await apiRequest('POST', '/auth/totp/disable', { body: { password } });
}
