import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { sha256 } from './accounts.authenticator.ts';
import { apiTokens } from './accounts.tables.ts';

describe('API tokens', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await buildUser(t, { roles: ['administrateur'] });
    agent = await buildUser(t, { roles: ['agent'], password: 'une phrase de passe solide' });
  });
  afterAll(async () => t?.close());

  const create = (payload: object, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload });
  const list = (headers: Record<string, string>, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/tokens${query}`, headers });

  it('creates a token whose secret is shown once and stored only as SHA-256, then uses and revokes it', async () => {
    const session = await signIn(t, { email: agent.email, password: 'une phrase de passe solide' });
    const response = await create({ name: 'Script billetterie', scopes: ['*'] }, session.mutationHeaders);
    expect(response.statusCode).toBe(201);
    const { token, secret } = response.json();
    expect(secret).toMatch(/^prt_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      name: 'Script billetterie',
      userId: agent.id,
      scopes: ['*'],
      lastUsedAt: null,
    });
    expect(secret.startsWith(token.prefix)).toBe(true);
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row.secretHash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: bearer })).statusCode,
    ).toBe(200);
    const listed = (await list(session.headers)).json().data.find((t: { id: string }) => t.id === token.id);
    expect(listed.lastUsedAt).not.toBeNull();

    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tokens/${token.id}/revoke`,
      headers: session.mutationHeaders,
    });
    expect(revoked.statusCode).toBe(204);
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: bearer });
    expect(refused.statusCode).toBe(401);
    expect(
      (await list(session.headers)).json().data.find((t: { id: string }) => t.id === token.id).revokedAt,
    ).not.toBeNull();
  });

  it('narrows a token to its scopes', async () => {
    const { secret } = (
      await create({ name: 'Services', scopes: ['tokens.manage_own'] }, admin.headers)
    ).json();
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer })).statusCode).toBe(
      403,
    );
    // A narrowed token cannot mint a broader one.
    const broader = await create({ name: 'Plus large', scopes: ['*'] }, bearer);
    expect(broader.statusCode).toBe(403);
    expect(broader.json().code).toBe('tokens.scope_not_held');
  });

  it('refuses an expired token', async () => {
    const { token, secret } = (await create({ name: 'Bref', scopes: ['*'] }, agent.headers)).json();
    await t.database.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, token.id));
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.statusCode).toBe(401);
  });

  it('validates scopes against the catalogue and the expiry date', async () => {
    const unknown = await create(
      { name: 'Inconnu', scopes: ['admin.users', 'n.importe.quoi'] },
      admin.headers,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'tokens.unknown_scope',
      errors: [{ path: 'body.scopes.1' }],
    });
    const empty = await create({ name: '', scopes: [] }, admin.headers);
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.name', 'body.scopes']);
    const past = await create(
      { name: 'Passé', scopes: ['*'], expiresAt: '2020-01-01T00:00:00Z' },
      admin.headers,
    );
    expect(past.json()).toMatchObject({
      code: 'tokens.expiry_in_past',
      errors: [{ path: 'body.expiresAt' }],
    });
  });

  it('refuses scopes one does not hold', async () => {
    const response = await create({ name: 'Ambitieux', scopes: ['admin.users'] }, agent.headers);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('tokens.scope_not_held');
  });

  it("shows only one's own tokens, and everyone's with admin.tokens", async () => {
    const other = await buildUser(t, { roles: ['agent'] });
    const own = (await list(other.headers)).json().data;
    expect(own.every((token: { userId: string }) => token.userId === other.id)).toBe(true);
    const peek = await list(other.headers, `?userId=${admin.id}`);
    expect(peek.statusCode).toBe(403);
    const all = (await list(admin.headers, '?limit=500')).json().data;
    expect(new Set(all.map((token: { userId: string }) => token.userId)).size).toBeGreaterThan(2);
    const theirs = (await list(admin.headers, `?userId=${other.id}`)).json().data;
    expect(theirs.map((token: { userId: string }) => token.userId)).toEqual([other.id]);
  });

  it("lets an administrator create and revoke another user's token, and nobody else", async () => {
    const other = await buildUser(t, { roles: ['agent'] });
    const created = await create({ name: 'Pour autrui', scopes: ['*'], userId: other.id }, admin.headers);
    expect(created.statusCode).toBe(201);
    expect(created.json().token.userId).toBe(other.id);
    const forbidden = await create({ name: 'Usurpation', scopes: ['*'], userId: admin.id }, other.headers);
    expect(forbidden.statusCode).toBe(403);
    const adminToken = (await create({ name: 'Admin', scopes: ['*'] }, admin.headers)).json().token;
    const hidden = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tokens/${adminToken.id}/revoke`,
      headers: other.headers,
    });
    expect(hidden.statusCode).toBe(404);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tokens/${created.json().token.id}/revoke`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(204);
  });

  it('pages through tokens newest first', async () => {
    const user = await buildUser(t, { roles: ['agent'] });
    for (const name of ['un', 'deux', 'trois']) await create({ name, scopes: ['*'] }, user.headers);
    const first = (await list(user.headers, '?limit=2')).json();
    const second = (await list(user.headers, `?limit=2&cursor=${first.nextCursor}`)).json();
    const names = [...first.data, ...second.data].map((token: { name: string }) => token.name);
    expect(names).toEqual(['trois', 'deux', 'un', 'test']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses token routes to a lecteur (no tokens.manage_own) with 403', async () => {
    const lecteur = await buildUser(t, { roles: ['lecteur'] });
    expect((await list(lecteur.headers)).statusCode).toBe(403);
  });
});
