import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** ETag of a versioned record: its version number, as a strong quoted tag. */
export function setETag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** Updates must say which version they were made from; a stale one is refused, never merged blindly. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw new AppError('common.precondition_required');
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(String(header).trim());
  if (!match) throw new AppError('common.stale');
  return Number(match[1]);
}
