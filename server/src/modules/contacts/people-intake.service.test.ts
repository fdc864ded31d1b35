import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/test-app.ts';
import type { Database } from '../../db/connection.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { type RequestScope, systemScope } from '../../platform/scope.ts';
import { ensureDefaultTenant } from '../../platform/tenancy.ts';
import { type IntakePerson, resolvePeople } from './people-intake.service.ts';

describe('resolvePeople', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let scope: RequestScope;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    await migrateDatabase(database);
    scope = systemScope(await ensureDefaultTenant(database.db), 'test');
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  const resolve = (people: IntakePerson[], source = 'billetweb') =>
    database.db.transaction((tx) => resolvePeople(tx, scope, { source, people }));
  const rows = async (text: string, values: unknown[] = []) =>
    (await database.sql.executeSql(text, values)).rows as Record<string, unknown>[];

  it('creates a person once for inputs that share a key, and nothing for an empty input', async () => {
    const result = await resolve([
      { externalId: 'B1', firstName: 'Anne', lastName: 'Roux', email: 'anne.roux@exemple.fr' },
      { email: 'ANNE.ROUX@exemple.fr', phone: '06 11 22 33 44' },
      {},
      { externalId: 'B2', firstName: 'Marc', lastName: 'Blanc' },
    ]);
    expect(result.ids[0]).toBe(result.ids[1]);
    expect(result.ids[2]).toBeNull();
    expect(result.createdIds).toEqual([result.ids[0], result.ids[3]]);
    const [anne] = await rows(
      `SELECT external_ids, source, (SELECT count(*)::int FROM phones WHERE person_id = p.id) AS phones
       FROM people p WHERE id = $1`,
      [result.ids[0]],
    );
    expect(anne).toEqual({ external_ids: { billetweb: 'B1' }, source: 'billetweb', phones: 1 });
  });

  it('finds people by their id in the same source only', async () => {
    const again = await resolve([{ externalId: 'B2', lastName: 'Blanc' }]);
    expect(again.createdIds).toEqual([]);
    const other = await resolve([{ externalId: 'B2', lastName: 'Noir' }], 'weezevent');
    expect(other.createdIds).toHaveLength(1);
    expect(other.ids[0]).not.toBe(again.ids[0]);
  });

  it('finds people by email across sources and records the new source id', async () => {
    const [anne] = await rows(`SELECT person_id FROM emails WHERE address = 'anne.roux@exemple.fr'`);
    const result = await resolve([{ externalId: 'HA-9', email: ' Anne.Roux@Exemple.FR ' }], 'helloasso');
    expect(result.ids[0]).toBe(anne.person_id);
    const [person] = await rows(`SELECT external_ids FROM people WHERE id = $1`, [anne.person_id]);
    expect(person.external_ids).toEqual({ billetweb: 'B1', helloasso: 'HA-9' });
  });

  it('finds people by phone only when the names agree', async () => {
    const same = await resolve([{ firstName: 'ANNE', lastName: 'roux', phone: '+33611223344' }], 'guichet');
    const [anne] = await rows(`SELECT person_id FROM phones WHERE e164 = '+33611223344'`);
    expect(same.ids[0]).toBe(anne.person_id);
    const other = await resolve(
      [{ firstName: 'Paul', lastName: 'Roux', phone: '06 11 22 33 44' }],
      'guichet',
    );
    expect(other.ids[0]).not.toBe(anne.person_id);
    expect(other.createdIds).toEqual(other.ids);
  });

  it('keeps invalid emails and phones, flagged invalid', async () => {
    const result = await resolve([{ lastName: 'Faux', email: 'faux@@exemple', phone: '12' }]);
    const coordinates = await rows(
      `SELECT 'email' AS kind, address AS value, validity FROM emails WHERE person_id = $1
       UNION ALL SELECT 'phone', e164, validity FROM phones WHERE person_id = $1 ORDER BY kind`,
      [result.ids[0]],
    );
    expect(coordinates).toEqual([
      { kind: 'email', value: 'faux@@exemple', validity: 'invalid' },
      { kind: 'phone', value: '12', validity: 'invalid' },
    ]);
  });

  it('fills what a matched person lacked without overwriting anything', async () => {
    const [marc] = await rows(`SELECT id FROM people WHERE external_ids ->> 'billetweb' = 'B2'`);
    const result = await resolve([
      {
        externalId: 'B2',
        civility: 'Monsieur',
        firstName: 'Marcel',
        lastName: 'Autre',
        email: 'marc.blanc@exemple.fr',
        address: { line1: '3 rue Haute', postalCode: '69003', city: 'Lyon' },
      },
    ]);
    expect(result.ids[0]).toBe(marc.id);
    expect(result.enrichedIds).toEqual([marc.id]);
    const [person] = await rows(
      `SELECT civility, first_name, last_name, version,
        (SELECT address FROM emails WHERE person_id = p.id) AS email,
        (SELECT is_primary FROM emails WHERE person_id = p.id) AS primary_email,
        (SELECT departement_code FROM addresses WHERE person_id = p.id) AS departement
       FROM people p WHERE id = $1`,
      [marc.id],
    );
    expect(person).toEqual({
      civility: 'M.',
      first_name: 'Marc',
      last_name: 'Blanc',
      version: 2,
      email: 'marc.blanc@exemple.fr',
      primary_email: true,
      departement: '69',
    });
    const again = await resolve([{ externalId: 'B2', email: 'marc.blanc@exemple.fr' }]);
    expect(again.enrichedIds).toEqual([]);
  });

  it('takes the candidate of an input known only by name when the names agree', async () => {
    const first = await resolve([{ firstName: 'Zoé', lastName: 'Lenoir' }]);
    const candidateId = first.ids[0];
    const same = await resolve([{ firstName: 'Zoe', lastName: 'LENOIR', candidateId }]);
    expect(same.ids[0]).toBe(candidateId);
    const other = await resolve([{ firstName: 'Yves', lastName: 'Lenoir', candidateId }]);
    expect(other.ids[0]).not.toBe(candidateId);
  });

  it('leads a merged person to the survivor', async () => {
    const result = await resolve([
      { externalId: 'M1', lastName: 'Fusionné' },
      { externalId: 'M2', lastName: 'Survivant' },
    ]);
    const [merged, survivor] = result.ids;
    await rows(`UPDATE people SET merged_into_id = $2, deleted_at = now() WHERE id = $1`, [merged, survivor]);
    const again = await resolve([{ externalId: 'M1', lastName: 'Fusionné' }]);
    expect(again.ids[0]).toBe(survivor);
  });
});
