import type { CurrentUser, LoginInput, SessionInfo, SetupInput } from '@parterre/contract/accounts';
import { apiRequest, isApiError, setCsrfToken } from '../../app/api-client';

export type { CurrentUser, LoginInput, SetupInput };
export type Session = SessionInfo;

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await apiRequest<Session>('GET', '/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function fetchSetupStatus(): Promise<{ needsSetup: boolean }> {
  return apiRequest('GET', '/setup/status');
}

export function runSetup(input: SetupInput): Promise<{ user: CurrentUser }> {
  return apiRequest('POST', '/setup', { body: input });
}

export function login(input: LoginInput): Promise<{ user: CurrentUser }> {
  return apiRequest('POST', '/auth/login', { body: input });
}

export async function logout(): Promise<void> {
  await apiRequest('POST', '/auth/logout');
  setCsrfToken(null);
}

export async function requestPasswordReset(email: string): Promise<void> {
  await apiRequest('POST', '/auth/password-reset/request', { body: { email } });
}

export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  await apiRequest('POST', '/auth/password-reset/confirm', { body: { token, password } });
}
