import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { newId } from '../../platform/ids.ts';
import type { CatalogueNeeds } from './orders-input.ts';
import { inferPriceCategoryKind } from './price-category-kind.ts';
import { jsonParam, queryRows } from './ticketing.sql.ts';

/** Catalogue ids by key: `venue:<folded name>`, `production:<ext id>`, `performance:<ext id>`, `price:<code>`. */
export type CatalogueIds = Map<string, string>;

/**
 * Ids of catalogue rows already upserted with the same content, kept by a caller that sends many
 * batches of one source (the file importer, chunk after chunk) so that unchanged rows are skipped.
 * Drop it when a transaction fails: the rows it names may have been rolled back.
 */
export type CatalogueCache = Map<string, { id: string; signature: string }>;

type Upsert = {
  rows: Record<string, unknown>[];
  table: string;
  keyColumn: string;
  scope: SQL;
  insert: SQL;
};

/**
 * One statement per kind: rows are inserted, or updated when their content differs, and the ids of
 * all of them come back (unchanged ones from the statement's snapshot). A row that a concurrent
 * batch inserted meanwhile is in neither: it is read again afterwards.
 */
async function upsert(tx: DbOrTx, kind: string, spec: Upsert, ids: CatalogueIds) {
  const { rows, table, keyColumn, scope } = spec;
  if (rows.length === 0) return;
  const name = sql.raw(table);
  const key = sql.raw(keyColumn);
  const columns = sql.raw(columnsOf(rows[0]));
  const found = await queryRows<{ id: string; key: string }>(
    tx,
    sql`WITH input AS (SELECT * FROM jsonb_to_recordset(${jsonParam(rows)}) AS x(${columns})),
      up AS (${spec.insert} RETURNING id, ${key} AS key)
    SELECT id, key FROM up
    UNION ALL
    SELECT t.id, t.${key} FROM ${name} t JOIN input i ON t.${key} = i.key
    WHERE ${scope} AND NOT EXISTS (SELECT 1 FROM up WHERE up.key = t.${key})`,
  );
  for (const row of found) ids.set(`${kind}:${row.key}`, row.id);
  const missing = rows.map((row) => String(row.key)).filter((k) => !ids.has(`${kind}:${k}`));
  if (missing.length === 0) return;
  const raced = await queryRows<{ id: string; key: string }>(
    tx,
    sql`SELECT t.id, t.${key} AS key FROM ${name} t
      WHERE ${scope} AND t.${key} = ANY(ARRAY(SELECT jsonb_array_elements_text(${jsonParam(missing)})))`,
  );
  for (const row of raced) ids.set(`${kind}:${row.key}`, row.id);
}

function columnsOf(row: Record<string, unknown>): string {
  const types: Record<string, string> = { id: 'uuid', production_id: 'uuid', venue_id: 'uuid' };
  return Object.keys(row)
    .map((key) => `${key} ${types[key] ?? (key.endsWith('_at') ? 'timestamptz' : 'text')}`)
    .join(', ');
}

/**
 * Upserts the venues, productions, performances and price categories a batch refers to (venues and
 * productions first: performances point to them) and returns their ids.
 */
export async function upsertCatalogue(
  tx: DbOrTx,
  options: { tenantId: string; source: string; needs: CatalogueNeeds; cache?: CatalogueCache },
): Promise<CatalogueIds> {
  const { tenantId, source, needs } = options;
  const cache = options.cache ?? new Map();
  const ids: CatalogueIds = new Map();
  const scope = sql`t.tenant_id = ${tenantId}::uuid AND t.source = ${source}`;
  /** Rows whose content was already written by an earlier batch are skipped; the others are sent. */
  const pending = <T>(
    kind: string,
    entries: Map<string, T>,
    row: (key: string, value: T) => Record<string, unknown>,
  ) =>
    [...entries].flatMap(([key, value]) => {
      const data = row(key, value);
      const signature = JSON.stringify(data);
      const cached = cache.get(`${kind}:${key}`);
      if (cached?.signature === signature) {
        ids.set(`${kind}:${key}`, cached.id);
        return [];
      }
      return [{ id: newId(), ...data }];
    });
  const remember = (kind: string, rows: Record<string, unknown>[]) => {
    for (const { id: _id, ...data } of rows) {
      const key = String(data.key);
      const id = ids.get(`${kind}:${key}`);
      if (id) cache.set(`${kind}:${key}`, { id, signature: JSON.stringify(data) });
    }
  };

  const venueRows = pending('venue', needs.venues, (key, v) => ({ key, name: v.name }));
  await upsert(
    tx,
    'venue',
    {
      rows: venueRows,
      table: 'venues',
      keyColumn: 'external_id',
      scope: scope,
      insert: sql`INSERT INTO venues (id, tenant_id, source, external_id, name)
            SELECT id, ${tenantId}::uuid, ${source}, key, name FROM input
            ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET name = excluded.name,
              updated_at = now(), version = venues.version + 1
            WHERE venues.name IS DISTINCT FROM excluded.name`,
    },
    ids,
  );
  remember('venue', venueRows);

  const productionRows = pending('production', needs.productions, (key, p) => ({
    key,
    title: p.title,
    genre: p.genre,
    kind: kindOfGenre(p.genre),
  }));
  await upsert(
    tx,
    'production',
    {
      rows: productionRows,
      table: 'productions',
      keyColumn: 'external_id',
      scope: scope,
      insert: sql`INSERT INTO productions (id, tenant_id, source, external_id, title, discipline, kind)
            SELECT id, ${tenantId}::uuid, ${source}, key, title, genre, kind FROM input
            ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET title = excluded.title,
              discipline = coalesce(excluded.discipline, productions.discipline),
              updated_at = now(), version = productions.version + 1
            WHERE (productions.title, productions.discipline)
              IS DISTINCT FROM (excluded.title, coalesce(excluded.discipline, productions.discipline))`,
    },
    ids,
  );
  remember('production', productionRows);

  const performanceRows = pending('performance', needs.performances, (key, p) => ({
    key,
    production_id: ids.get(`production:${p.productionKey}`),
    venue_id: p.venueKey ? ids.get(`venue:${p.venueKey}`) : null,
    starts_at: p.startsAt,
    ends_at: p.endsAt,
  }));
  await upsert(
    tx,
    'performance',
    {
      rows: performanceRows,
      table: 'performances',
      keyColumn: 'external_id',
      scope: scope,
      insert: sql`INSERT INTO performances (id, tenant_id, source, external_id, production_id, venue_id, starts_at, ends_at)
            SELECT id, ${tenantId}::uuid, ${source}, key, production_id, venue_id, starts_at, ends_at FROM input
            ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET production_id = excluded.production_id,
              venue_id = coalesce(excluded.venue_id, performances.venue_id),
              starts_at = coalesce(excluded.starts_at, performances.starts_at),
              ends_at = coalesce(excluded.ends_at, performances.ends_at),
              updated_at = now(), version = performances.version + 1
            WHERE (performances.production_id, performances.venue_id, performances.starts_at, performances.ends_at)
              IS DISTINCT FROM (excluded.production_id, coalesce(excluded.venue_id, performances.venue_id),
                coalesce(excluded.starts_at, performances.starts_at), coalesce(excluded.ends_at, performances.ends_at))`,
    },
    ids,
  );
  remember('performance', performanceRows);

  const priceRows = pending('price', needs.priceCategories, (key, p) => ({
    key,
    label: p.label,
    kind: inferPriceCategoryKind(p.label),
  }));
  await upsert(
    tx,
    'price',
    {
      rows: priceRows,
      table: 'price_categories',
      keyColumn: 'code',
      scope: sql`t.tenant_id = ${tenantId}::uuid`,
      insert: sql`INSERT INTO price_categories (id, tenant_id, code, label, kind)
            SELECT id, ${tenantId}::uuid, key, label, kind FROM input
            ON CONFLICT (tenant_id, code) DO NOTHING`,
    },
    ids,
  );
  remember('price', priceRows);
  return ids;
}

/** The kind of a production created by an import, from the genre the source gives it. */
export function kindOfGenre(genre: string | null): string {
  const folded = (genre ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/expo/.test(folded)) return 'exposition';
  if (/concert|musique|music|jazz|opera|recital/.test(folded)) return 'concert';
  if (/visite|visit/.test(folded)) return 'visite';
  if (/evenement|event|conference|festival|atelier|rencontre/.test(folded)) return 'evenement';
  return 'spectacle';
}
