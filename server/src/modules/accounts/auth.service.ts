import { randomBytes } from 'node:crypto';
import type { ChangePasswordInput, CurrentUser, LoginInput, SetupInput } from '@parterre/contract/accounts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { requireSelfId, scopeActingAs } from './account-helpers.ts';
import { loadUserAccess, sha256 } from './accounts.authenticator.ts';
import { findDepartmentIdsByCodes } from './departments.repository.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './passwords.ts';
import { findRoleByCode } from './roles.repository.ts';
import { readSecuritySettings } from './security-settings.ts';
import { deleteSession, deleteUserSessions, insertSession } from './sessions.repository.ts';
import { createTotpService } from './totp.service.ts';
import {
  countUsers,
  findCredentialsByEmail,
  findCredentialsById,
  findUserById,
  recordFailedLogin,
  recordSuccessfulLogin,
  setPasswordHash,
  type UserCredentials,
} from './users.repository.ts';
import { ADMINISTRATOR_ROLE, insertAccount, MANAGEMENT_DEPARTMENTS } from './users.service.ts';

const LOCK_THRESHOLD = 5;
const LOCK_MINUTES = 15;
/** Serialises concurrent first-run setups (any fixed number shared by every process). */
const SETUP_LOCK_KEY = 727_372_002;

export type OpenedSession = { sessionId: string; expiresAt: Date; user: CurrentUser };
type ClientInfo = { userAgent: string | null };

function lockedError(lockedUntil: Date): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
  return new AppError('auth.locked', { details: { minutes, lockedUntil: lockedUntil.toISOString() } });
}

/** Setup, sign-in and sign-out, the current user, and password changes. */
export function createAuthService(context: AppContext) {
  const db = context.database.db;
  const totp = createTotpService(context);

  /** The signed-in user as the back office sees them; `permissions` are the effective ones. */
  async function describeUser(tenantId: string, userId: string, permissions?: ReadonlySet<string>) {
    const user = await findUserById(db, tenantId, userId);
    if (!user) throw new AppError('common.unauthenticated');
    const effective = permissions ?? (await loadUserAccess(db, tenantId, userId)).permissions;
    const settings = await readSecuritySettings(db, tenantId);
    const current: CurrentUser = {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      roleIds: user.roleIds,
      departmentIds: user.departmentIds,
      permissions: [...effective].sort(),
      totpEnabled: user.totpEnabled,
      mustEnrolTotp: settings.totpRequired && !user.totpEnabled,
    };
    return current;
  }

  async function openSession(
    scope: RequestScope,
    userId: string,
    client: ClientInfo,
  ): Promise<OpenedSession> {
    const settings = await readSecuritySettings(db, scope.tenantId);
    const sessionId = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + settings.sessionAbsoluteHours * 3_600_000);
    await db.transaction(async (tx) => {
      await recordSuccessfulLogin(tx, scope.tenantId, userId);
      await insertSession(tx, {
        idHash: sha256(sessionId),
        tenantId: scope.tenantId,
        userId,
        ip: scope.ip,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
        expiresAt,
      });
      await recordAudit(tx, scope, { action: 'auth.login', entityType: 'user', entityId: userId });
    });
    return { sessionId, expiresAt, user: await describeUser(scope.tenantId, userId) };
  }

  async function needsSetup(scope: RequestScope): Promise<boolean> {
    return (await countUsers(db, scope.tenantId)) === 0;
  }

  /** Creates the first administrator (only while no user exists) and signs them in. */
  async function setup(scope: RequestScope, input: SetupInput, client: ClientInfo): Promise<OpenedSession> {
    if (!(await needsSetup(scope))) throw new AppError('setup.already_done');
    assertPasswordAcceptable(input.password, input.email, scope.locale, 'body.password');
    const passwordHash = await hashPassword(input.password);
    const system = { ...scope, principal: { kind: 'system' as const, name: 'installation' } };
    const user = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
      if ((await countUsers(tx, scope.tenantId)) > 0) throw new AppError('setup.already_done');
      const role = await findRoleByCode(tx, scope.tenantId, ADMINISTRATOR_ROLE);
      if (!role) throw new Error('The administrateur role is missing: was the database seeded?');
      const departmentIds = await findDepartmentIdsByCodes(tx, scope.tenantId, MANAGEMENT_DEPARTMENTS);
      return insertAccount(tx, system, { ...input, passwordHash, roleIds: [role.id], departmentIds });
    });
    return openSession(scopeActingAs(scope, user), user.id, client);
  }

  async function refuseLogin(
    scope: RequestScope,
    user: UserCredentials | null,
    email: string,
    reason: string,
    options: { countsAsFailure: boolean },
  ): Promise<never> {
    const lockedUntil =
      user && options.countsAsFailure
        ? await recordFailedLogin(db, scope.tenantId, user.id, {
            threshold: LOCK_THRESHOLD,
            lockMinutes: LOCK_MINUTES,
          })
        : null;
    await recordAudit(db, scope, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      after: { email, reason },
    });
    if (lockedUntil && lockedUntil.getTime() > Date.now()) throw lockedError(lockedUntil);
    throw new AppError(reason === 'totp_invalid' ? 'auth.totp_invalid' : 'auth.invalid_credentials');
  }

  /**
   * The same answer for an unknown address, a wrong password or a disabled account, in about the
   * same time. Five failures in a row lock the account for 15 minutes.
   */
  async function login(scope: RequestScope, input: LoginInput, client: ClientInfo): Promise<OpenedSession> {
    const user = await findCredentialsByEmail(db, scope.tenantId, input.email);
    if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      await recordAudit(db, scope, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { email: input.email, reason: 'locked' },
      });
      throw lockedError(user.lockedUntil);
    }
    const passwordOk = await verifyPassword(user?.passwordHash, input.password);
    if (!user || !passwordOk) {
      return refuseLogin(scope, user, input.email, user ? 'wrong_password' : 'unknown_email', {
        countsAsFailure: true,
      });
    }
    if (user.status !== 'active') {
      return refuseLogin(scope, user, input.email, 'disabled', { countsAsFailure: false });
    }
    if (user.totpEnabled) {
      if (!input.totpCode) throw new AppError('auth.totp_required');
      if (!totp.verifyCode(user.totpSecret, input.totpCode)) {
        return refuseLogin(scope, user, input.email, 'totp_invalid', { countsAsFailure: true });
      }
    }
    return openSession(scopeActingAs(scope, user), user.id, client);
  }

  async function logout(scope: RequestScope, sessionIdHash: string | undefined): Promise<void> {
    if (!sessionIdHash) return;
    await db.transaction(async (tx) => {
      await deleteSession(tx, scope.tenantId, sessionIdHash);
      await recordAudit(tx, scope, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: requireSelfId(scope),
      });
    });
  }

  async function me(scope: RequestScope): Promise<CurrentUser> {
    const { principal } = scope;
    if (principal.kind !== 'user' && principal.kind !== 'token') throw new AppError('common.unauthenticated');
    return describeUser(scope.tenantId, principal.userId, principal.permissions);
  }

  /** Keeps the current session, signs every other one out. */
  async function changePassword(
    scope: RequestScope,
    input: ChangePasswordInput,
    currentSessionIdHash: string | undefined,
  ): Promise<void> {
    const user = await findCredentialsById(db, scope.tenantId, requireSelfId(scope));
    if (!user) throw new AppError('common.unauthenticated');
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppError('auth.wrong_password', {
        fieldErrors: [
          {
            path: 'body.currentPassword',
            code: 'wrong_password',
            message: errorMessage('auth.wrong_password', scope.locale),
          },
        ],
      });
    }
    assertPasswordAcceptable(input.newPassword, user.email, scope.locale, 'body.newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction(async (tx) => {
      await setPasswordHash(tx, scope.tenantId, user.id, passwordHash);
      const revoked = await deleteUserSessions(tx, scope.tenantId, user.id, {
        exceptIdHash: scope.principal.kind === 'user' ? currentSessionIdHash : undefined,
      });
      await recordAudit(tx, scope, {
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: user.id,
        after: { sessionsRevoked: revoked },
      });
    });
  }

  return { needsSetup, setup, login, logout, me, changePassword, totp };
}
