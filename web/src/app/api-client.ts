import type { Page } from '@parterre/contract/common';
import { currentLanguage, i18n } from './i18n';

/** One field-level problem reported by the server (RFC 9457 extension `errors`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An RFC 9457 problem+json response, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: FieldProblem[];
  /** The whole problem body, for extensions such as `candidates` (409) or `current` (412). */
  readonly problem: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    errors?: FieldProblem[];
    problem?: Record<string, unknown>;
  }) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.problem = init.problem ?? {};
  }
}

/** A cursor-paginated list as returned by every list endpoint. */
export type { Page };

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** JSON-encoded, except FormData (multipart uploads), sent as is. */
  body?: unknown;
  /** Media types accepted instead of JSON, e.g. `text/vcard` (problems still come as JSON). */
  accept?: string;
  /** Entity version for optimistic concurrency; sent as `If-Match: "<version>"`. */
  ifMatch?: number | string;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;

/** Remembers the CSRF token handed out by GET /api/v1/auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function parseProblem(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // Not JSON (proxy error page, empty body): fall back to the status line.
  }
  const errors = Array.isArray(body.errors)
    ? body.errors
        .filter((e): e is { path: unknown; message: unknown } => typeof e === 'object' && e !== null)
        .map((e) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') }))
    : undefined;
  return new ApiError({
    status: response.status,
    code: typeof body.code === 'string' ? body.code : `http.${response.status}`,
    title: typeof body.title === 'string' ? body.title : response.statusText,
    detail: typeof body.detail === 'string' ? body.detail : '',
    errors,
    problem: body,
  });
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: options.accept
      ? `${options.accept}, application/problem+json`
      : 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  };
  const multipart = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (unsafeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body:
        options.body === undefined
          ? undefined
          : multipart
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network.unreachable', title: '', detail: '' });
  }
}

async function refreshCsrfToken(): Promise<void> {
  const response = await send('GET', '/auth/me', {});
  if (!response.ok) return;
  const body = (await response.json()) as { csrfToken?: string };
  setCsrfToken(body.csrfToken ?? null);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends one request, retrying once on a rotated CSRF token; throws the problem of a failure. */
async function sendChecked(method: Method, path: string, options: RequestOptions): Promise<Response> {
  let response = await send(method, path, options);
  if (response.status === 403 && unsafeMethods.has(method)) {
    // The session may have rotated its CSRF token (sign-in, another tab): fetch it once and retry.
    const problem = await parseProblem(response.clone());
    if (problem.code.includes('csrf')) {
      await refreshCsrfToken();
      response = await send(method, path, options);
    }
  }
  if (!response.ok) {
    throw await parseProblem(response);
  }
  return response;
}

/** Sends one request to /api/v1 and returns the parsed JSON body with its ETag. */
export async function apiRequestWithMeta<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const response = await sendChecked(method, path, options);
  const etag = response.headers.get('ETag');
  if (response.status === 204 || response.status === 202 || response.headers.get('Content-Length') === '0') {
    const text = await response.text();
    return { data: (text ? JSON.parse(text) : undefined) as T, etag };
  }
  return { data: (await response.json()) as T, etag };
}

/** Fetches a file (vCard, export…) with the name the server gives it in Content-Disposition. */
export async function apiDownload(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await sendChecked(method, path, options);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]*)"/i.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName: encoded ? decodeURIComponent(encoded) : (plain ?? null) };
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiRequestWithMeta<T>(method, path, options)).data;
}

/** Follows `nextCursor` to load a whole (small) collection, e.g. roles or departments for a picker. */
export async function fetchAllPages<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  maxPages = 20,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await fetchPage(cursor);
    all.push(...page.data);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A 412 on If-Match: someone else saved the same record first. */
export function isStaleError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.code === 'common.stale');
}

/** The message to show for any error; the server already localises `detail` from Accept-Language. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return i18n.t('errors.network');
    if (error.status === 412 || error.code === 'common.stale') return error.detail || i18n.t('errors.stale');
    if (error.detail) return error.detail;
    if (error.status === 403) return i18n.t('errors.forbidden');
    if (error.status === 404) return i18n.t('errors.notFound');
    if (error.status >= 500) return i18n.t('errors.server');
    return error.title || i18n.t('errors.generic');
  }
  return i18n.t('errors.generic');
}
