import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, buildUrl, errorMessage, isStaleError, setCsrfToken } from './api-client';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('buildUrl', () => {
  it('drops empty query values', () => {
    expect(buildUrl('/users', { q: '', cursor: null, limit: 50, x: undefined })).toBe(
      '/api/v1/users?limit=50',
    );
  });
});

describe('apiRequest', () => {
  it('sends the CSRF token, If-Match and the interface language on writes', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(200, { id: 'u1' }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    await apiRequest('PATCH', '/users/u1', { body: { name: 'A' }, ifMatch: 3 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/users/u1');
    expect(init.credentials).toBe('include');
    expect(init.headers['x-csrf-token']).toBe('tok');
    expect(init.headers['If-Match']).toBe('"3"');
    expect(init.headers['Accept-Language']).toBe('fr');
  });

  it('does not send the CSRF token on reads', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(200, { data: [], nextCursor: null }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    await apiRequest('GET', '/users');
    expect(fetchMock.mock.calls[0][1].headers['x-csrf-token']).toBeUndefined();
  });

  it('parses problem+json into an ApiError with field errors', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        jsonResponse(400, {
          type: 'urn:x',
          title: 'Requête invalide.',
          status: 400,
          detail: 'Certains champs sont invalides.',
          code: 'common.validation',
          errors: [{ path: 'body.email', message: 'Adresse invalide.' }],
        }),
      ),
    );
    const error = await apiRequest('POST', '/users', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'common.validation',
      detail: 'Certains champs sont invalides.',
    });
    expect((error as ApiError).errors).toEqual([{ path: 'body.email', message: 'Adresse invalide.' }]);
    expect(errorMessage(error)).toBe('Certains champs sont invalides.');
  });

  it('refreshes the CSRF token once and retries when it was rotated', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(403, { status: 403, code: 'common.csrf', title: 'x', detail: 'x' }))
      .mockResolvedValueOnce(jsonResponse(200, { user: {}, csrfToken: 'fresh' }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('old');
    await apiRequest('POST', '/auth/logout');
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(fetchMock.mock.calls[2][1].headers['x-csrf-token']).toBe('fresh');
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await apiRequest('GET', '/users').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network.unreachable' });
    expect(errorMessage(error)).toMatch(/injoignable/);
  });

  it('recognises a stale If-Match', () => {
    expect(isStaleError(new ApiError({ status: 412, code: 'common.stale', title: '', detail: '' }))).toBe(
      true,
    );
    expect(isStaleError(new Error('x'))).toBe(false);
  });
});
