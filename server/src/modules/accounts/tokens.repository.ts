import type { ApiToken } from '@parterre/contract/accounts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { apiTokens } from './accounts.tables.ts';

const columns = {
  id: apiTokens.id,
  name: apiTokens.name,
  userId: apiTokens.userId,
  scopes: apiTokens.scopes,
  prefix: apiTokens.prefix,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  createdAt: apiTokens.createdAt,
  /** Microsecond precision, for a cursor that never skips rows created in the same millisecond. */
  createdAtKey: sql<string>`${apiTokens.createdAt}::text`,
};

type TokenRow = {
  id: string;
  name: string;
  userId: string;
  scopes: string[];
  prefix: string;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  createdAtKey: string;
};

export type TokenWithKey = ApiToken & { cursorKey: [string, string] };

function toToken(row: TokenRow): TokenWithKey {
  return {
    id: row.id,
    name: row.name,
    userId: row.userId,
    scopes: row.scopes,
    prefix: row.prefix,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    cursorKey: [row.createdAtKey, row.id],
  };
}

/** Newest first; `userId` undefined lists every token of the tenant. */
export async function listTokens(
  db: DbOrTx,
  tenantId: string,
  options: { userId?: string; after?: [string, string]; limit: number },
): Promise<TokenWithKey[]> {
  const rows = await db
    .select(columns)
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tenantId, tenantId),
        options.userId ? eq(apiTokens.userId, options.userId) : undefined,
        options.after
          ? sql`(${apiTokens.createdAt}, ${apiTokens.id}) < (${options.after[0]}::timestamptz, ${options.after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(options.limit);
  return rows.map(toToken);
}

export async function findToken(db: DbOrTx, tenantId: string, id: string): Promise<ApiToken | null> {
  const [row] = await db
    .select(columns)
    .from(apiTokens)
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, id)));
  if (!row) return null;
  const { cursorKey: _, ...token } = toToken(row);
  return token;
}

export async function findTokenScopes(db: DbOrTx, tenantId: string, id: string): Promise<string[] | null> {
  const [row] = await db
    .select({ scopes: apiTokens.scopes })
    .from(apiTokens)
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, id)));
  return row?.scopes ?? null;
}

export async function insertToken(
  db: DbOrTx,
  token: {
    id: string;
    tenantId: string;
    userId: string;
    name: string;
    prefix: string;
    secretHash: string;
    scopes: string[];
    expiresAt: Date | null;
  },
): Promise<void> {
  await db.insert(apiTokens).values(token);
}

/** Idempotent: revoking a revoked token keeps its first revocation date. */
export async function revokeToken(db: DbOrTx, tenantId: string, id: string): Promise<boolean> {
  const updated = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return updated.length === 1;
}
