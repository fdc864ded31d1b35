import type { AddressInfo } from 'node:net';
import type { ContactConsents, Purpose } from '@parterre/contract/consent';
import type { ConsentForm } from '@parterre/contract/consent-forms';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { buildPerson } from '../../../test/contact-builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { signConfirmationToken } from './double-opt-in.token.ts';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** The whole double opt-in through a real SMTP peer: the message is received, parsed, its link followed. */
describe('double opt-in through a public form', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let admin: TestUser;
  let newsletter: Purpose;
  let programmation: Purpose;
  let form: ConsentForm;
  const received: ParsedMail[] = [];
  let ipCounter = 0;
  /** Each test its own client address, so that the per-IP rate limit only bites where tested. */
  const nextIp = () => `203.0.113.${++ipCounter}`;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      PUBLIC_URL: 'https://crm.theatre.example',
      SESSION_SECRET: SECRET,
    });
    admin = await buildUser(t, { roles: ['administrateur'] });
    const purposes = (
      await t.app.inject({ method: 'GET', url: '/api/v1/purposes', headers: admin.headers })
    ).json().data as Purpose[];
    newsletter = purposes.find((p) => p.code === 'lettre-information')!;
    programmation = purposes.find((p) => p.code === 'programmation')!;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consent-forms',
      headers: admin.headers,
      payload: { name: 'Site — pied de page', purposeIds: [newsletter.id, programmation.id] },
    });
    expect(created.statusCode, created.body).toBe(201);
    form = created.json();
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  const count = async (table: string) =>
    Number((await t.database.sql.executeSql(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
  const personByEmail = async (address: string): Promise<string | undefined> =>
    (await t.database.sql.executeSql(`SELECT person_id FROM emails WHERE address = '${address}'`)).rows[0]
      ?.person_id as string | undefined;
  const consentsOf = async (id: string): Promise<ContactConsents> =>
    (
      await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${id}/consents`, headers: admin.headers })
    ).json();
  const submit = (payload: object | string, ip = nextIp(), headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/public/forms/${form.id}`,
      headers: { 'x-forwarded-for': ip, 'user-agent': 'Firefox de test', ...headers },
      payload,
    });
  const linkIn = (mail: ParsedMail) => {
    const match = /https:\/\/crm\.theatre\.example(\/public\/confirm\/[^\s"<]+)/.exec(mail.text ?? '');
    expect(match, mail.text).not.toBeNull();
    return match![1];
  };

  it('administers forms: purposes with their current wording, If-Match on update', async () => {
    expect(form.purposes.map((p) => [p.id, p.wordingId])).toEqual([
      [newsletter.id, newsletter.currentWording.id],
      [programmation.id, programmation.currentWording.id],
    ]);
    expect(form.publicUrl).toBe(`https://crm.theatre.example/public/forms/${form.id}`);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/consent-forms/${form.id}`,
      headers: { ...admin.headers, 'if-match': '"99"' },
      payload: { thankYouText: 'Merci de votre inscription !' },
    });
    expect(stale.statusCode).toBe(412);
    const updated = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/consent-forms/${form.id}`,
      headers: { ...admin.headers, 'if-match': `"${form.version}"` },
      payload: { thankYouText: 'Merci de votre inscription !' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ thankYouText: 'Merci de votre inscription !', version: 2 });
    form = updated.json();
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/consent-forms', headers: admin.headers });
    expect(list.json().data.map((f: ConsentForm) => f.id)).toContain(form.id);
    const agent = await buildUser(t, { roles: ['agent'] });
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/consent-forms',
      headers: agent.headers,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('serves an embeddable French HTML form with each wording and a hidden honeypot, no cookie', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/public/forms/${form.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.headers['content-security-policy']).toContain('frame-ancestors *');
    const html = response.body;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<label for="email">');
    // Absolute, so that a copy of the page on the institution's site still posts here.
    expect(html).toContain(`action="https://crm.theatre.example/public/forms/${form.id}"`);
    expect(html).toContain(`value="${newsletter.id}"`);
    const escaped = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    expect(html).toContain(escaped(newsletter.currentWording.text.fr));
    expect(html).toMatch(/<div class="hp" aria-hidden="true">[\s\S]*name="website" tabindex="-1"/);
  });

  it('subscribes, mails a signed link, and records granted with proof on the click', async () => {
    const ip = nextIp();
    const response = await submit(
      `email=Claire.Morel%40example.org&firstName=Claire&lastName=Morel&purposeIds=${newsletter.id}&purposeIds=${programmation.id}&website=`,
      ip,
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toContain('Merci de votre inscription !');
    expect(response.headers['set-cookie']).toBeUndefined();

    const personId = (await personByEmail('claire.morel@example.org'))!;
    expect(personId).toBeDefined();
    const source = await t.database.sql.executeSql(`SELECT source FROM people WHERE id = '${personId}'`);
    expect(source.rows[0].source).toBe('form:Site — pied de page');
    let consents = await consentsOf(personId);
    expect(consents.states.map((s) => [s.purposeId, s.status]).sort()).toEqual(
      [
        [newsletter.id, 'pending'],
        [programmation.id, 'pending'],
      ].sort(),
    );
    const pending = consents.history.find((e) => e.purposeId === newsletter.id)!;
    expect(pending).toMatchObject({
      status: 'pending',
      channel: 'email',
      wordingId: newsletter.currentWording.id,
      wordingVersion: newsletter.currentWording.version,
      proof: { source: 'form', ip, userAgent: 'Firefox de test' },
    });
    expect(pending.proof.detail).toContain(form.id);

    const mail = received.at(-1)!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('claire.morel@example.org');
    expect(mail.subject).toContain('Confirmez votre inscription');
    const link = linkIn(mail);

    // Opening the link (a mail scanner prefetching it) changes nothing.
    const page = await t.app.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Je confirme mon inscription');
    expect(page.body).toContain('Lettre');
    expect((await consentsOf(personId)).history).toHaveLength(2);

    const clickIp = nextIp();
    const confirmed = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { 'x-forwarded-for': clickIp, 'user-agent': 'Thunderbird du clic' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.body).toContain('Merci de votre inscription !');
    consents = await consentsOf(personId);
    expect(consents.states.map((s) => s.status)).toEqual(['granted', 'granted']);
    const granted = consents.history.find((e) => e.purposeId === newsletter.id && e.status === 'granted')!;
    expect(granted).toMatchObject({
      wordingId: newsletter.currentWording.id,
      proof: { source: 'form', ip: clickIp, userAgent: 'Thunderbird du clic' },
    });
    expect(granted.proof.detail).toContain(form.id);

    // Replay: harmless, nothing recorded a second time.
    const replay = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { 'x-forwarded-for': nextIp() },
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.body).toContain('déjà confirmée');
    expect((await consentsOf(personId)).history).toHaveLength(4);
  });

  it('answers a known address exactly like a new one and leaves a granted consent granted', async () => {
    const people = await count('people');
    const payload = { email: 'claire.morel@example.org', purposeIds: [newsletter.id] };
    const known = await submit(payload);
    const fresh = await submit({ email: 'nouvelle.personne@example.org', purposeIds: [newsletter.id] });
    expect(known.statusCode).toBe(202);
    expect(fresh.statusCode).toBe(202);
    expect(known.body).toBe(fresh.body);
    expect(await count('people')).toBe(people + 1);
    const claire = (await personByEmail('claire.morel@example.org'))!;
    const consents = await consentsOf(claire);
    expect(consents.states.find((s) => s.purposeId === newsletter.id)?.status).toBe('granted');
    expect(consents.history).toHaveLength(4);

    // A known person's empty fields are not filled by whatever a stranger types.
    const nameless = await buildPerson(t, { lastName: 'Sansprenom', emails: ['sans.prenom@example.org'] });
    const typed = await submit({
      email: 'sans.prenom@example.org',
      firstName: 'Usurpé',
      purposeIds: [newsletter.id],
    });
    expect(typed.statusCode).toBe(202);
    const row = await t.database.sql.executeSql(`SELECT first_name FROM people WHERE id = '${nameless}'`);
    expect(row.rows[0].first_name).toBeNull();
    expect((await consentsOf(nameless)).states.map((s) => s.status)).toEqual(['pending']);
  });

  it('answers a filled honeypot like a success and records nothing', async () => {
    const before = {
      people: await count('people'),
      events: await count('consent_events'),
      mails: received.length,
    };
    const response = await submit({
      email: 'robot@example.org',
      purposeIds: [newsletter.id],
      website: 'https://spam.example',
    });
    expect(response.statusCode).toBe(202);
    expect(await count('people')).toBe(before.people);
    expect(await count('consent_events')).toBe(before.events);
    expect(received.length).toBe(before.mails);
  });

  it('refuses a bad email with a problem document and writes nothing', async () => {
    const before = { people: await count('people'), events: await count('consent_events') };
    const response = await submit({ email: 'pas-une-adresse@', purposeIds: [newsletter.id] });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('consent_forms.invalid_email');
    const notOffered = await submit({
      email: 'a@example.org',
      purposeIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(notOffered.statusCode).toBe(400);
    // From a plain HTML form: the same refusal as a readable French page.
    const fromPage = await submit(`email=pas-une-adresse%40&purposeIds=${newsletter.id}`, nextIp(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(fromPage.statusCode).toBe(400);
    expect(fromPage.headers['content-type']).toContain('text/html');
    expect(fromPage.body).toContain('Adresse e-mail invalide');
    expect(await count('people')).toBe(before.people);
    expect(await count('consent_events')).toBe(before.events);
  });

  it('rate-limits submissions per IP address', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await submit({ email: 'x', purposeIds: [] }, ip)).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('refuses a tampered or expired link with a French page and records nothing', async () => {
    await submit({ email: 'lien.perime@example.org', purposeIds: [newsletter.id] });
    const link = linkIn(received.at(-1)!);
    const token = link.split('/').at(-1)!;
    const events = await count('consent_events');
    const [submissionId, expiry, signature] = token.split('.');

    const longer = `/public/confirm/${submissionId}.${Number(expiry) + 86_400_000}.${signature}`;
    for (const url of [longer, `${link.slice(0, -2)}xx`]) {
      const response = await t.app.inject({ method: 'POST', url, headers: { 'x-forwarded-for': nextIp() } });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Lien invalide');
    }

    const tenantId = t.context.defaultTenantId;
    const expired = signConfirmationToken(SECRET, tenantId, submissionId, new Date(Date.now() - 1000));
    for (const method of ['GET', 'POST'] as const) {
      const response = await t.app.inject({
        method,
        url: `/public/confirm/${expired}`,
        headers: { 'x-forwarded-for': nextIp() },
      });
      expect(response.statusCode).toBe(410);
      expect(response.body).toContain('Lien expiré');
    }
    expect(await count('consent_events')).toBe(events);

    // The genuine link still works: the refusals changed nothing.
    const ok = await t.app.inject({ method: 'POST', url: link, headers: { 'x-forwarded-for': nextIp() } });
    expect(ok.statusCode).toBe(200);
    expect(await count('consent_events')).toBe(events + 1);
  });
});
