import { asc } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { newId } from './ids.ts';
import { tenants } from './platform.tables.ts';

/** One institution per tenant; a fresh instance gets one, and every request falls back to it. */
export async function ensureDefaultTenant(db: Db): Promise<string> {
  const [existing] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .orderBy(asc(tenants.createdAt))
    .limit(1);
  if (existing) return existing.id;
  const [created] = await db
    .insert(tenants)
    .values({ id: newId(), slug: 'default', name: 'Mon institution' })
    .onConflictDoNothing({ target: tenants.slug })
    .returning({ id: tenants.id });
  if (created) return created.id;
  const [raced] = await db.select({ id: tenants.id }).from(tenants).orderBy(asc(tenants.createdAt)).limit(1);
  return raced.id;
}
