import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Confirmation links stay valid this long. */
export const CONFIRMATION_VALIDITY_MS = 7 * 24 * 60 * 60_000;

/** A key of its own, derived from SESSION_SECRET as secret-box.ts does: rotating the secret voids the links. */
function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'parterre', 'consent-confirmation', 32));
}

function mac(secret: string, tenantId: string, submissionId: string, expiresAt: number): string {
  return createHmac('sha256', keyOf(secret))
    .update(`${tenantId}.${submissionId}.${expiresAt}`)
    .digest('base64url');
}

/** `<submission id>.<expiry, ms since epoch>.<HMAC-SHA256>`: nothing secret in it, nothing changeable. */
export function signConfirmationToken(
  secret: string,
  tenantId: string,
  submissionId: string,
  expiresAt: Date,
): string {
  const expiry = expiresAt.getTime();
  return `${submissionId}.${expiry}.${mac(secret, tenantId, submissionId, expiry)}`;
}

export type TokenCheck = { ok: true; submissionId: string } | { ok: false; reason: 'invalid' | 'expired' };

/** The signature first (a tampered expiry is `invalid`), then the expiry against `now`. */
export function verifyConfirmationToken(
  secret: string,
  tenantId: string,
  token: string,
  now: Date,
): TokenCheck {
  const [submissionId, expiryText, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !submissionId || !expiryText || !signature || !/^\d{1,15}$/.test(expiryText)) {
    return { ok: false, reason: 'invalid' };
  }
  if (!/^[0-9a-f-]{36}$/.test(submissionId)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(mac(secret, tenantId, submissionId, Number(expiryText)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'invalid' };
  }
  if (Number(expiryText) <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, submissionId };
}
