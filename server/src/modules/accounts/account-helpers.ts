import { AppError } from '../../platform/errors.ts';
import type { RequestScope } from '../../platform/scope.ts';

/** The signed-in user behind a session or a token; system and anonymous scopes have none. */
export function selfIdOf(scope: RequestScope): string | null {
  const { principal } = scope;
  return principal.kind === 'user' || principal.kind === 'token' ? principal.userId : null;
}

export function requireSelfId(scope: RequestScope): string {
  const id = selfIdOf(scope);
  if (!id) throw new AppError('common.unauthenticated');
  return id;
}

/** The same request, attributed to a user who just proved who they are (sign-in, reset link). */
export function scopeActingAs(scope: RequestScope, user: { id: string; name: string }): RequestScope {
  return {
    ...scope,
    principal: { kind: 'user', userId: user.id, name: user.name, permissions: new Set(), departmentIds: [] },
  };
}

function sqlStateOf(error: unknown): string | undefined {
  for (let current = error as { code?: unknown; cause?: unknown } | undefined; current; ) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = current.cause as typeof current;
  }
  return undefined;
}

/** PostgreSQL 23505, whether raised directly or wrapped by Drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23505';
}

/** PostgreSQL 23503: a row still referenced elsewhere (ON DELETE RESTRICT). */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23503';
}

/**
 * Nobody hands out rights they do not hold: a custom role with `admin.users` must not be able to
 * make its holder an administrator. The system (CLI, seeds) is exempt.
 */
export function permissionsNotHeld(scope: RequestScope, permissions: Iterable<string>): string[] {
  const { principal } = scope;
  if (principal.kind === 'system') return [];
  if (principal.kind === 'anonymous') return [...permissions];
  return [...permissions].filter((code) => !principal.permissions.has(code));
}
