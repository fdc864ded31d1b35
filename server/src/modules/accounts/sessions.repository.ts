import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { passwordResets, sessions } from './accounts.tables.ts';

export async function insertSession(
  db: DbOrTx,
  session: {
    idHash: string;
    tenantId: string;
    userId: string;
    ip: string | null;
    userAgent: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function deleteSession(db: DbOrTx, tenantId: string, idHash: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.idHash, idHash)));
}

/** Signs a user out everywhere, or everywhere but the session given. */
export async function deleteUserSessions(
  db: DbOrTx,
  tenantId: string,
  userId: string,
  options: { exceptIdHash?: string } = {},
): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.tenantId, tenantId),
        eq(sessions.userId, userId),
        options.exceptIdHash ? ne(sessions.idHash, options.exceptIdHash) : undefined,
      ),
    )
    .returning({ idHash: sessions.idHash });
  return deleted.length;
}

export async function insertPasswordReset(
  db: DbOrTx,
  reset: { tokenHash: string; tenantId: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResets).values(reset);
}

/** Marks the token used and returns its user, in one statement: a link works once, even when raced. */
export async function consumePasswordReset(
  db: DbOrTx,
  tenantId: string,
  tokenHash: string,
): Promise<string | null> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(passwordResets.tenantId, tenantId),
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, new Date()),
      ),
    )
    .returning({ userId: passwordResets.userId });
  return row?.userId ?? null;
}

/** Older links stop working once a new one is sent or a password is chosen. */
export async function expirePasswordResets(db: DbOrTx, tenantId: string, userId: string): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(passwordResets.tenantId, tenantId),
        eq(passwordResets.userId, userId),
        isNull(passwordResets.usedAt),
      ),
    );
}
