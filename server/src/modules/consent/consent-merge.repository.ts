import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { rebuildConsentStates } from './consent.repository.ts';

type Returned = { rows: { id: string }[] };
const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * A merge: the consent events of `fromId` now name `toId` (the only change the ledger's trigger
 * allows), and both people's current states are rebuilt from their events, so the survivor holds
 * the latest choice of either record per purpose × channel. Returns the ids of the events moved.
 */
export async function reassignConsents(
  tx: DbOrTx,
  tenantId: string,
  fromId: string,
  toId: string,
): Promise<string[]> {
  const result = (await tx.execute(
    sql`UPDATE consent_events SET person_id = ${toId}::uuid
      WHERE tenant_id = ${tenantId}::uuid AND person_id = ${fromId}::uuid RETURNING id`,
  )) as unknown as Returned;
  await rebuildConsentStates(tx, tenantId, [fromId, toId]);
  return result.rows.map((row) => row.id);
}

/**
 * An unmerge: gives the moved events back to `toId` and rebuilds both people's states, which are
 * then exactly those before the merge (states are a function of events). Returns how many events
 * could not be given back (no longer naming `fromId`).
 */
export async function restoreConsents(
  tx: DbOrTx,
  tenantId: string,
  options: { eventIds: string[]; fromId: string; toId: string },
): Promise<number> {
  if (options.eventIds.length === 0) return 0;
  const result = (await tx.execute(
    sql`UPDATE consent_events SET person_id = ${options.toId}::uuid
      WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${uuids(options.eventIds)})
        AND person_id = ${options.fromId}::uuid RETURNING id`,
  )) as unknown as Returned;
  await rebuildConsentStates(tx, tenantId, [options.fromId, options.toId]);
  return options.eventIds.length - result.rows.length;
}
