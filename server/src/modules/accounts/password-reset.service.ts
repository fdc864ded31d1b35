import { randomBytes } from 'node:crypto';
import type { PasswordResetConfirmInput } from '@parterre/contract/accounts';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { scopeActingAs } from './account-helpers.ts';
import { invitationMail, passwordResetMail } from './account-mails.ts';
import { sha256 } from './accounts.authenticator.ts';
import { assertPasswordAcceptable, hashPassword } from './passwords.ts';
import {
  consumePasswordReset,
  deleteUserSessions,
  expirePasswordResets,
  insertPasswordReset,
} from './sessions.repository.ts';
import { findCredentialsByEmail, findCredentialsById, setPasswordHash } from './users.repository.ts';

const RESET_VALIDITY_MS = 60 * 60_000;
const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60_000;

/** Single-use links to choose a password: after "forgot my password", and for invited users. */
export function createPasswordResetService(context: AppContext) {
  const db = context.database.db;

  /** Replaces any earlier link of the user; only the token's SHA-256 is stored. */
  async function issueLink(tenantId: string, userId: string, validityMs: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await db.transaction(async (tx) => {
      await expirePasswordResets(tx, tenantId, userId);
      await insertPasswordReset(tx, {
        tokenHash: sha256(token),
        tenantId,
        userId,
        expiresAt: new Date(Date.now() + validityMs),
      });
    });
    return `${context.config.publicUrl}/password-reset/confirm?token=${encodeURIComponent(token)}`;
  }

  /**
   * Always succeeds from the caller's point of view, whether the address is known or not, so that
   * the form cannot be used to find out who has an account.
   */
  async function requestPasswordReset(scope: RequestScope, email: string): Promise<void> {
    const user = await findCredentialsByEmail(db, scope.tenantId, email);
    if (user?.status !== 'active') return;
    const url = await issueLink(scope.tenantId, user.id, RESET_VALIDITY_MS);
    await recordAudit(db, scopeActingAs(scope, user), {
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
    });
    await context.mailer.send(scope.tenantId, passwordResetMail(user.email, user.name, url, user.locale));
  }

  /** Sets the password, lifts a lock and signs the user out everywhere. */
  async function confirmPasswordReset(scope: RequestScope, input: PasswordResetConfirmInput): Promise<void> {
    const tokenHash = sha256(input.token);
    // Hashing is slow: do it before the transaction, which must stay short on PGlite.
    const passwordHash = await hashPassword(input.password);
    await db.transaction(async (tx) => {
      const userId = await consumePasswordReset(tx, scope.tenantId, tokenHash);
      const user = userId ? await findCredentialsById(tx, scope.tenantId, userId) : null;
      if (user?.status !== 'active') throw new AppError('auth.reset_invalid');
      assertPasswordAcceptable(input.password, user.email, scope.locale, 'body.password');
      await setPasswordHash(tx, scope.tenantId, user.id, passwordHash);
      await expirePasswordResets(tx, scope.tenantId, user.id);
      const revoked = await deleteUserSessions(tx, scope.tenantId, user.id);
      await recordAudit(tx, scopeActingAs(scope, user), {
        action: 'auth.password_reset',
        entityType: 'user',
        entityId: user.id,
        after: { sessionsRevoked: revoked },
      });
    });
  }

  /** Sent when an administrator creates an account without a password. */
  async function sendInvitation(
    scope: RequestScope,
    user: { id: string; email: string; name: string; locale: 'fr' | 'en' },
  ) {
    const url = await issueLink(scope.tenantId, user.id, INVITATION_VALIDITY_MS);
    const invitedBy = scope.principal.kind === 'system' ? null : actorOf(scope).actorName;
    await context.mailer.send(
      scope.tenantId,
      invitationMail(user.email, user.name, invitedBy, url, user.locale),
    );
  }

  return { requestPasswordReset, confirmPasswordReset, sendInvitation };
}
