import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errorDefinition, errorMessage, type FieldError, type Locale } from '../errors.ts';

const zodLocales = { fr: z.locales.fr(), en: z.locales.en() };

export function requestLocale(request: FastifyRequest): Locale {
  const header = String(request.headers['accept-language'] ?? '');
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fr';
}

function localisedZodMessage(
  locale: Locale,
  issue: { keyword: string; message: string; params: Record<string, unknown> },
) {
  // Messages written in our schemas (refine, custom) are kept; zod's generic ones are localised.
  const generic = zodLocales.en.localeError({ code: issue.keyword, ...issue.params } as never);
  const genericText = typeof generic === 'string' ? generic : generic?.message;
  if (genericText !== issue.message) return issue.message;
  const localised = zodLocales[locale].localeError({ code: issue.keyword, ...issue.params } as never);
  return (typeof localised === 'string' ? localised : localised?.message) ?? issue.message;
}

function toAppError(error: unknown, locale: Locale): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldErrors: FieldError[] = error.validation.map((issue) => ({
      path: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`.replace(
        /\.$/,
        '',
      ),
      code: issue.keyword,
      message: localisedZodMessage(locale, issue as never),
    }));
    return new AppError('common.validation', { fieldErrors });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode === 429) return new AppError('common.rate_limited');
  if (fastifyError.statusCode === 413 || fastifyError.code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('common.payload_too_large');
  }
  if (fastifyError.statusCode === 415) return new AppError('common.unsupported_media_type');
  if (fastifyError.code === 'FST_CSRF_INVALID_TOKEN' || fastifyError.code === 'FST_CSRF_MISSING_SECRET') {
    return new AppError('common.csrf');
  }
  if (fastifyError.statusCode === 400) {
    return new AppError('common.validation', {
      fieldErrors: [{ path: 'body', message: fastifyError.message }],
    });
  }
  if (fastifyError.statusCode === 404) return new AppError('common.not_found');
  return new AppError('common.internal');
}

/** RFC 9457 body: a stable `code` for programs, a localised `title`/`detail` for people. */
export function problemFor(error: AppError, locale: Locale, instance: string) {
  const definition = errorDefinition(error.code);
  return {
    ...error.extensions,
    type: `urn:parterre:problem:${error.code}`,
    title: errorMessage(error.code, locale, error.details),
    status: definition.status,
    detail: errorMessage(error.code, locale, error.details),
    code: error.code,
    instance,
    ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const locale = request.scope?.locale ?? requestLocale(request);
  const appError = toAppError(error, locale);
  const problem = problemFor(appError, locale, request.url.split('?')[0]);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
