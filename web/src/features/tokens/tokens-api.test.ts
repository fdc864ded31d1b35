import { describe, expect, it } from 'vitest';
import { type ApiToken, tokenState } from './tokens-api';

const base: ApiToken = {
  id: '1',
  name: 't',
  userId: 'u',
  scopes: ['*'],
  prefix: 'prt_ab',
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('tokenState', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  it('is active without expiry or revocation', () => expect(tokenState(base, now)).toBe('active'));
  it('is expired after its expiry', () =>
    expect(tokenState({ ...base, expiresAt: '2026-05-01T00:00:00Z' }, now)).toBe('expired'));
  it('is revoked even if not expired', () =>
    expect(
      tokenState({ ...base, revokedAt: '2026-02-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' }, now),
    ).toBe('revoked'));
});
