import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError, errorMessage, type Locale } from '../../platform/errors.ts';

/** argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's baseline). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no stored hash (unknown email, invited user) it still spends the time
 * of a real verification, so that response times do not reveal which accounts exist.
 */
export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash(randomBytes(16).toString('hex'));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Length is checked by the contract; this adds what needs the account. */
export function assertPasswordAcceptable(
  password: string,
  email: string,
  locale: Locale,
  path: string,
): void {
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw new AppError('auth.weak_password', {
      fieldErrors: [
        { path, code: 'password_equals_email', message: errorMessage('auth.weak_password', locale) },
      ],
    });
  }
}
