import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { SESSION_COOKIE, sha256 } from './accounts.authenticator.ts';

/**
 * httpOnly (scripts never see it), SameSite=Lax (not sent by cross-site POSTs), Secure behind
 * https, signed with SESSION_SECRET. Mutations also need the CSRF header.
 */
export function setSessionCookie(
  reply: FastifyReply,
  config: Config,
  sessionId: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    signed: true,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The stored form (SHA-256) of the request's session id, when it carries a valid signed cookie. */
export function sessionIdHashOf(request: FastifyRequest): string | undefined {
  const signed = request.cookies[SESSION_COOKIE];
  if (!signed) return undefined;
  const unsigned = request.unsignCookie(signed);
  return unsigned.valid && unsigned.value ? sha256(unsigned.value) : undefined;
}
