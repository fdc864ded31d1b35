import { problemSchema } from '@parterre/contract/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** Problem answers most account routes can give, for the OpenAPI document. */
export const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
} as const;

/** Updates also answer 412 (stale version) and 428 (If-Match missing). */
export const updateProblems = { ...problems, 412: problemSchema, 428: problemSchema } as const;

export const noContent = z.null().describe('Aucun contenu');

/** Per client IP: enough for people mistyping, too few for password guessing. */
export const SIGN_IN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

/** 202/204 with no body at all (the typed reply would otherwise serialise `null`). */
export function sendEmpty(reply: unknown, status: 202 | 204): FastifyReply {
  return (reply as FastifyReply).status(status).send();
}
