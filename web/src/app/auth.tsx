import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import { type ReactNode, useEffect, useMemo } from 'react';
import { type CurrentUser, fetchSession, fetchSetupStatus, type Session } from '../features/auth/auth-api';
import { hasChosenLanguage, i18n, isLanguage } from './i18n';

export const sessionQueryOptions = queryOptions({
  queryKey: ['auth', 'session'],
  queryFn: fetchSession,
  staleTime: 60_000,
});

export const setupStatusQueryOptions = queryOptions({
  queryKey: ['setup', 'status'],
  queryFn: fetchSetupStatus,
  staleTime: 5 * 60_000,
});

export const twoFactorPath = '/account/two-factor';

interface AuthValue {
  user: CurrentUser | null;
  /** False until GET /auth/me has answered once. */
  resolved: boolean;
  can: (permission: string) => boolean;
}

/**
 * The signed-in user, read straight from the session query: the route guards fill that cache
 * before the back office renders, so there is no window where a stale context says "nobody".
 */
export function useAuth(): AuthValue {
  const { data, isSuccess } = useQuery(sessionQueryOptions);
  const user = data?.user ?? null;
  return useMemo(
    () => ({
      user,
      resolved: isSuccess,
      can: (permission) => user?.permissions.includes(permission) ?? false,
    }),
    [user, isSuccess],
  );
}

/** Follows the signed-in user's profile language unless one was picked on this device. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  useEffect(() => {
    if (user && !hasChosenLanguage() && isLanguage(user.locale) && i18n.language !== user.locale) {
      void i18n.changeLanguage(user.locale);
    }
  }, [user]);
  return children;
}

/** The signed-in user; only call below the authenticated layout, which guarantees one. */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser called outside the authenticated layout');
  return user;
}

export function useRefreshSession(): () => Promise<Session | null> {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
}

/** Only same-origin paths are accepted as a post-login destination. */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

/** Route guard for the back office: first-run setup, then sign-in, then mandatory TOTP enrolment. */
export async function requireSession(queryClient: QueryClient, location: { pathname: string; href: string }) {
  const status = await queryClient.ensureQueryData(setupStatusQueryOptions);
  if (status.needsSetup) throw redirect({ to: '/setup' });
  const session = await queryClient.ensureQueryData(sessionQueryOptions);
  if (!session) throw redirect({ to: '/login', search: { redirect: location.href } });
  if (session.user.mustEnrolTotp && location.pathname !== twoFactorPath) {
    throw redirect({ to: twoFactorPath });
  }
  return session;
}

/** Route guard for the sign-in page: nothing to do there when already signed in. */
export async function redirectIfSignedIn(queryClient: QueryClient) {
  const status = await queryClient.ensureQueryData(setupStatusQueryOptions);
  if (status.needsSetup) throw redirect({ to: '/setup' });
  // Always ask the server: the cached session may predate a sign-out or an expiry.
  const session = await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
  if (session) throw redirect({ to: '/' });
}
