import type { TotpSetup } from '@parterre/contract/accounts';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { requireSelfId } from './account-helpers.ts';
import { verifyPassword } from './passwords.ts';
import { createSecretBox } from './secret-box.ts';
import { readSecuritySettings } from './security-settings.ts';
import { findCredentialsById, setTotpState } from './users.repository.ts';

/** One step of clock drift either way (±30 s) is tolerated, as most authenticator apps expect. */
const totp = authenticator.clone({ window: 1 });
const ISSUER = 'Parterre';

/**
 * TOTP second factor. Seeds are stored sealed with AES-256-GCM under a key derived from
 * SESSION_SECRET (see secret-box.ts): changing that secret means every user enrols again.
 */
export function createTotpService(context: AppContext) {
  const db = context.database.db;
  const box = createSecretBox(context.config.sessionSecret, 'totp-secret');

  /** Checks a code against a sealed seed; an unreadable seed never matches. */
  function verifyCode(sealedSecret: string | null, code: string): boolean {
    if (!sealedSecret) return false;
    try {
      return totp.check(code, box.open(sealedSecret));
    } catch {
      return false;
    }
  }

  async function loadSelf(scope: RequestScope) {
    const user = await findCredentialsById(db, scope.tenantId, requireSelfId(scope));
    if (!user) throw new AppError('common.unauthenticated');
    return user;
  }

  /** Step 1: a new seed, kept pending until a first code proves the app has it. */
  async function setupTotp(scope: RequestScope): Promise<TotpSetup> {
    const user = await loadSelf(scope);
    if (user.totpEnabled) throw new AppError('auth.totp_already_enabled');
    const secret = totp.generateSecret(20);
    await setTotpState(
      db,
      scope.tenantId,
      user.id,
      { totpPendingSecret: box.seal(secret) },
      { bumpVersion: false },
    );
    const otpauthUrl = totp.keyuri(user.email, ISSUER, secret);
    return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl) };
  }

  /** Step 2: the first valid code switches the second factor on. */
  async function enableTotp(scope: RequestScope, code: string): Promise<void> {
    const user = await loadSelf(scope);
    if (user.totpEnabled) throw new AppError('auth.totp_already_enabled');
    if (!user.totpPendingSecret) throw new AppError('auth.totp_not_pending');
    if (!verifyCode(user.totpPendingSecret, code)) {
      throw new AppError('auth.totp_code_incorrect', {
        fieldErrors: [
          {
            path: 'body.code',
            code: 'totp_incorrect',
            message: errorMessage('auth.totp_code_incorrect', scope.locale),
          },
        ],
      });
    }
    await db.transaction(async (tx) => {
      await setTotpState(tx, scope.tenantId, user.id, {
        totpEnabled: true,
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
      });
      await recordAudit(tx, scope, {
        action: 'auth.totp_enabled',
        entityType: 'user',
        entityId: user.id,
        before: { totpEnabled: false },
        after: { totpEnabled: true },
      });
    });
  }

  /** Needs the password again, and is refused while the institution makes TOTP mandatory. */
  async function disableTotp(scope: RequestScope, password: string): Promise<void> {
    const settings = await readSecuritySettings(db, scope.tenantId);
    if (settings.totpRequired) throw new AppError('auth.totp_required_by_policy');
    const user = await loadSelf(scope);
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new AppError('auth.wrong_password', {
        fieldErrors: [
          {
            path: 'body.password',
            code: 'wrong_password',
            message: errorMessage('auth.wrong_password', scope.locale),
          },
        ],
      });
    }
    await db.transaction(async (tx) => {
      await setTotpState(tx, scope.tenantId, user.id, {
        totpEnabled: false,
        totpSecret: null,
        totpPendingSecret: null,
      });
      await recordAudit(tx, scope, {
        action: 'auth.totp_disabled',
        entityType: 'user',
        entityId: user.id,
        before: { totpEnabled: user.totpEnabled },
        after: { totpEnabled: false },
      });
    });
  }

  return { verifyCode, setupTotp, enableTotp, disableTotp };
}
