import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Person } from '@parterre/contract/contacts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/builders.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { auditLog } from '../../platform/platform.tables.ts';
import { normaliseEmail, normalisePhone } from './contact-normalisation.ts';
import { people } from './contacts.tables.ts';
import { countRows, createPerson } from './contacts.test-support.ts';
import { countryFromText } from './countries.ts';
import { type ParsedCard, parseVCardFile } from './vcard-parse.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const samplesDir = path.resolve(repoRoot, '../shared/conformance/vcard');
const samples = readdirSync(samplesDir)
  .filter((file) => file.endsWith('.vcf'))
  .sort();

function multipart(filename: string, content: Buffer) {
  const boundary = 'parterre-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/vcard\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** What the card should have left on the person: its emails, phones and cities, normalised as on import. */
function expectCardPersisted(card: ParsedCard, person: Person) {
  const addresses = person.emails.map((e) => e.address);
  for (const email of card.emails) {
    const normalised = normaliseEmail(email.value);
    expect(addresses).toContain(normalised.ok ? normalised.value : email.value.trim().toLowerCase());
  }
  const country = card.addresses.find((a) => a.country)?.country;
  const region = (country && countryFromText(country)) || 'FR';
  const numbers = person.phones.map((p) => p.e164);
  for (const phone of card.phones) {
    const normalised = normalisePhone(phone.value, region === 'ZZ' ? 'FR' : region);
    expect(numbers).toContain(normalised.ok ? normalised.e164 : phone.value.trim());
  }
  const lines = person.addresses.map((a) => `${a.line1 ?? ''}|${a.city ?? ''}`);
  for (const address of card.addresses) {
    expect(
      lines.some((line) => line.startsWith(address.line1) && (!address.city || line.endsWith(address.city))),
    ).toBe(true);
  }
  if (card.firstName) expect(person.firstName).toBe(card.firstName);
  if (card.lastName) expect(person.lastName).toBe(card.lastName);
}

describe('vCard import and export', () => {
  let t: TestApp;
  let agent: TestUser;
  let responsable: TestUser;
  const readPerson = async (id: string): Promise<Person> =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${id}`, headers: agent.headers })).json();
  beforeAll(async () => {
    t = await createTestApp();
    agent = await buildUser(t, { roles: ['agent'] });
    responsable = await buildUser(t, { roles: ['responsable'] });
  });
  afterAll(async () => t?.close());

  it.each(samples)('imports %s through the API without error', async (file) => {
    const content = readFileSync(path.join(samplesDir, file));
    const { body, contentType } = multipart(file, content);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts:import-vcard',
      headers: { ...agent.headers, 'content-type': contentType },
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    const cards = parseVCardFile(content);
    expect(result.errors).toEqual([]);
    expect(result.cards).toHaveLength(cards.length);
    expect(result.created + result.updated).toBe(cards.length);
    for (const [index, card] of cards.entries()) {
      expectCardPersisted(card, await readPerson(result.cards[index].id));
    }
  });

  it('keeps what the sources said: an employer, the birth date, numbers it cannot read flagged invalid', async () => {
    const { body, contentType } = multipart('x.vcf', readFileSync(path.join(samplesDir, 'outlook-2007.vcf')));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts:import-vcard',
      headers: { ...agent.headers, 'content-type': contentType },
      payload: body,
    });
    const person = await readPerson(response.json().cards[0].id);
    expect(person).toMatchObject({
      civility: 'M.',
      firstName: 'Michael',
      lastName: 'Angstadt',
      birthDate: '1922-03-10',
      source: 'vcard',
      organisations: [expect.objectContaining({ name: 'TheCompany', role: 'TheJobTitle' })],
    });
    expect(response.json()).toMatchObject({ created: 0, updated: 1 });
    expect(person.addresses[0]).toMatchObject({ country: 'US', postalCode: '99999', inseeCode: null });
    expect(new Set(person.phones.map((p) => p.validity))).toEqual(new Set(['invalid']));
  });

  it('exports a person as vCard 4.0 and re-imports it onto the same person, without duplicates', async () => {
    const person = await createPerson(t, agent, {
      civility: 'Mme',
      firstName: 'Françoise',
      lastName: 'Lefèvre',
      birthDate: '1970-01-31',
      emails: [
        { address: 'francoise.lefevre@example.fr', type: 'home' },
        { address: 'f.lefevre@opera.fr', type: 'work' },
      ],
      phones: [{ number: '06 98 76 54 32' }],
      addresses: [{ line1: '12, rue de l’Église', postalCode: '67000', city: 'Strasbourg' }],
      tags: ['abonné'],
    });
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${person.id}`,
      headers: { ...agent.headers, accept: 'text/vcard' },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(exported.headers['content-disposition']).toContain(
      "filename*=UTF-8''Fran%C3%A7oise%20Lef%C3%A8vre.vcf",
    );
    expect(exported.body).toContain('VERSION:4.0');
    expect(exported.body).toContain(`UID:urn:uuid:${person.id}`);

    const before = await countRows(t, people);
    const reimported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts:import-vcard',
      headers: { ...agent.headers, 'content-type': 'text/vcard' },
      payload: exported.body,
    });
    expect(reimported.json()).toMatchObject({
      created: 0,
      updated: 1,
      cards: [{ id: person.id, status: 'updated' }],
    });
    expect(await countRows(t, people)).toBe(before);
    const after = await readPerson(person.id);
    expect(after.emails.map((e) => e.address)).toEqual(person.emails.map((e) => e.address));
    expect(after.phones.map((p) => p.e164)).toEqual(['+33698765432']);
    expect(after.addresses).toHaveLength(1);
    expect(after).toMatchObject({
      firstName: 'Françoise',
      lastName: 'Lefèvre',
      birthDate: '1970-01-31',
      tags: ['abonné'],
    });
  });

  it('exports a selection for those allowed to export, and logs the export', async () => {
    const a = await createPerson(t, agent, { firstName: 'Ana', lastName: 'Export' });
    const b = await createPerson(t, agent, { firstName: 'Bob', lastName: 'Export' });
    const request = {
      method: 'POST' as const,
      url: '/api/v1/contacts:export-vcard',
      payload: { ids: [a.id, b.id] },
    };
    expect((await t.app.inject({ ...request, headers: agent.headers })).statusCode).toBe(403);
    const response = await t.app.inject({ ...request, headers: responsable.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(response.body.match(/BEGIN:VCARD/g)).toHaveLength(2);
    const logged = await countRows(
      t,
      auditLog,
      and(eq(auditLog.action, 'person.export'), eq(auditLog.actorId, responsable.id)),
    );
    expect(logged).toBe(1);
  });

  it('answers an empty file with a clear error', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts:import-vcard',
      headers: { ...agent.headers, 'content-type': 'text/vcard' },
      payload: 'pas une vCard',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'contacts.vcard_empty',
      title: 'Aucune fiche vCard trouvée dans le fichier.',
    });
  });
});
