import { randomBytes } from 'node:crypto';
import type { ApiToken, CreatedToken, CreateTokenInput, TokenListQuery } from '@parterre/contract/accounts';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage, type FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize, can, isKnownPermission } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { permissionsNotHeld, selfIdOf } from './account-helpers.ts';
import { sha256 } from './accounts.authenticator.ts';
import { ACCOUNT_PERMISSIONS } from './accounts.permissions.ts';
import {
  findToken,
  findTokenScopes,
  insertToken,
  listTokens as listTokenRows,
  revokeToken as revokeTokenRow,
} from './tokens.repository.ts';
import { findUserById } from './users.repository.ts';

export const ALL_SCOPES = '*';

/** `*` alone, or known permission codes (deduplicated). */
function normaliseScopes(scope: RequestScope, scopes: string[]): string[] {
  const fieldErrors: FieldError[] = [];
  scopes.forEach((code, i) => {
    if (code !== ALL_SCOPES && !isKnownPermission(code)) {
      fieldErrors.push({
        path: `body.scopes.${i}`,
        code: 'unknown_scope',
        message: `${errorMessage('tokens.unknown_scope', scope.locale)} (${code})`,
      });
    }
  });
  if (fieldErrors.length > 0) throw new AppError('tokens.unknown_scope', { fieldErrors });
  return scopes.includes(ALL_SCOPES) ? [ALL_SCOPES] : [...new Set(scopes)];
}

/**
 * API tokens (`Authorization: Bearer prt_…`). Everyone with `tokens.manage_own` manages their own;
 * `admin.tokens` reaches everyone's. A token never carries more than its owner's current rights.
 */
export function createTokensService(context: AppContext) {
  const db = context.database.db;

  async function listTokens(scope: RequestScope, query: TokenListQuery) {
    authorize(scope, ACCOUNT_PERMISSIONS.ownTokens);
    const self = selfIdOf(scope);
    if (query.userId && query.userId !== self) authorize(scope, ACCOUNT_PERMISSIONS.tokens);
    const userId = query.userId ?? (can(scope, ACCOUNT_PERMISSIONS.tokens) ? undefined : (self ?? undefined));
    const after = decodeCursor(query.cursor) as [string, string] | undefined;
    const rows = await listTokenRows(db, scope.tenantId, { userId, after, limit: query.limit + 1 });
    const page = toPage(rows, query.limit, (row) => row.cursorKey);
    return { data: page.data.map(({ cursorKey: _, ...token }) => token), nextCursor: page.nextCursor };
  }

  /**
   * For oneself, the scopes must be rights one holds (and a narrowed token cannot mint a `*` one).
   * For another user (`admin.tokens`), the owner's rights bound the token when it is used.
   */
  async function assertScopesHeld(scope: RequestScope, scopes: string[]): Promise<void> {
    const { principal } = scope;
    if (principal.kind === 'token' && scopes.includes(ALL_SCOPES)) {
      const own = principal.tokenId ? await findTokenScopes(db, scope.tenantId, principal.tokenId) : null;
      if (!own?.includes(ALL_SCOPES)) throw new AppError('tokens.scope_not_held');
    }
    if (
      permissionsNotHeld(
        scope,
        scopes.filter((code) => code !== ALL_SCOPES),
      ).length > 0
    ) {
      throw new AppError('tokens.scope_not_held');
    }
  }

  /** The secret is returned once; only its SHA-256 is stored. */
  async function createToken(scope: RequestScope, input: CreateTokenInput): Promise<CreatedToken> {
    if (scope.principal.kind !== 'system') authorize(scope, ACCOUNT_PERMISSIONS.ownTokens);
    const self = selfIdOf(scope);
    const ownerId = input.userId ?? self;
    if (!ownerId) throw new AppError('common.unauthenticated');
    if (ownerId !== self) authorize(scope, ACCOUNT_PERMISSIONS.tokens);
    const owner = await findUserById(db, scope.tenantId, ownerId);
    if (!owner) throw new AppError('users.not_found');
    const scopes = normaliseScopes(scope, input.scopes);
    if (ownerId === self) await assertScopesHeld(scope, scopes);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new AppError('tokens.expiry_in_past', {
        fieldErrors: [
          {
            path: 'body.expiresAt',
            code: 'in_past',
            message: errorMessage('tokens.expiry_in_past', scope.locale),
          },
        ],
      });
    }
    const secret = `prt_${randomBytes(32).toString('base64url')}`;
    const id = newId();
    const token = await db.transaction(async (tx) => {
      await insertToken(tx, {
        id,
        tenantId: scope.tenantId,
        userId: ownerId,
        name: input.name,
        prefix: secret.slice(0, 12),
        secretHash: sha256(secret),
        scopes,
        expiresAt,
      });
      const created = (await findToken(tx, scope.tenantId, id))!;
      await recordAudit(tx, scope, {
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: id,
        after: created,
      });
      return created;
    });
    return { token, secret };
  }

  /** Takes effect on the next request. Other users' tokens are invisible without `admin.tokens`. */
  async function revokeToken(scope: RequestScope, id: string): Promise<void> {
    authorize(scope, ACCOUNT_PERMISSIONS.ownTokens);
    const token: ApiToken | null = await findToken(db, scope.tenantId, id);
    if (!token || (token.userId !== selfIdOf(scope) && !can(scope, ACCOUNT_PERMISSIONS.tokens))) {
      throw new AppError('tokens.not_found');
    }
    await db.transaction(async (tx) => {
      if (await revokeTokenRow(tx, scope.tenantId, id)) {
        await recordAudit(tx, scope, {
          action: 'api_token.revoked',
          entityType: 'api_token',
          entityId: id,
          before: token,
          after: { ...token, revokedAt: new Date().toISOString() },
        });
      }
    });
  }

  return { listTokens, createToken, revokeToken };
}
