import type { Locale } from './errors.ts';

export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user' | 'token';
      userId: string;
      name: string;
      /** Effective permissions: the user's roles, narrowed by the token's scopes for a token. */
      permissions: ReadonlySet<string>;
      departmentIds: readonly string[];
      tokenId?: string;
    }
  | { kind: 'system'; name: string };

/** Everything a service needs to know about who asks, passed first to every service function. */
export type RequestScope = {
  tenantId: string;
  principal: Principal;
  ip: string | null;
  locale: Locale;
};

export function actorOf(scope: RequestScope): { actorId: string | null; actorName: string | null } {
  const { principal } = scope;
  if (principal.kind === 'user' || principal.kind === 'token') {
    return { actorId: principal.userId, actorName: principal.name };
  }
  if (principal.kind === 'system') return { actorId: null, actorName: principal.name };
  return { actorId: null, actorName: null };
}

export function systemScope(tenantId: string, name = 'système'): RequestScope {
  return { tenantId, principal: { kind: 'system', name }, ip: null, locale: 'fr' };
}
