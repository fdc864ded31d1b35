import { problemSchema } from '@parterre/contract/common';
import type { FastifyReply } from 'fastify';

/** Problem responses shared by the contacts routes (OpenAPI documents them per route). */
export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** Adds the 412/428 answers of routes that require `If-Match`. */
export const conditionalErrorResponses = { ...errorResponses, 428: problemSchema };

/** `Content-Disposition` for a download, with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(reply: FastifyReply, filename: string): void {
  const ascii = filename
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  reply.header(
    'content-disposition',
    `attachment; filename="${ascii || 'contacts.vcf'}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
}
