import type { SavedView } from '@parterre/contract/contact-lists';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { savedViews } from './contacts.tables.ts';

type Owner = { tenantId: string; userId: string };
type Row = typeof savedViews.$inferSelect;

function toSavedView(row: Row): SavedView {
  return {
    id: row.id,
    name: row.name,
    entity: row.entity as SavedView['entity'],
    definition: row.definition as SavedView['definition'],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every query is scoped to the owner: a user never reaches another user's views. */
const owned = (owner: Owner) =>
  and(eq(savedViews.tenantId, owner.tenantId), eq(savedViews.userId, owner.userId));

export async function listOwnSavedViews(db: DbOrTx, owner: Owner, entity: string): Promise<SavedView[]> {
  const rows = await db
    .select()
    .from(savedViews)
    .where(and(owned(owner), eq(savedViews.entity, entity)))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  return rows.map(toSavedView);
}

export async function findOwnSavedView(db: DbOrTx, owner: Owner, id: string): Promise<SavedView | undefined> {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(owned(owner), eq(savedViews.id, id)));
  return row ? toSavedView(row) : undefined;
}

export async function insertSavedView(
  db: DbOrTx,
  owner: Owner,
  view: { id: string; name: string; entity: string; definition: unknown },
): Promise<SavedView> {
  const [row] = await db
    .insert(savedViews)
    .values({ ...view, ...owner, definition: view.definition as object, createdBy: owner.userId })
    .returning();
  return toSavedView(row);
}

/** Applies the change only if the view is still at `version`; undefined otherwise. */
export async function updateSavedView(
  db: DbOrTx,
  owner: Owner,
  id: string,
  version: number,
  changes: { name?: string; definition?: unknown },
): Promise<SavedView | undefined> {
  const [row] = await db
    .update(savedViews)
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.definition !== undefined ? { definition: changes.definition as object } : {}),
      version: sql`${savedViews.version} + 1`,
      updatedAt: new Date(),
      updatedBy: owner.userId,
    })
    .where(and(owned(owner), eq(savedViews.id, id), eq(savedViews.version, version)))
    .returning();
  return row ? toSavedView(row) : undefined;
}

export async function deleteSavedView(db: DbOrTx, owner: Owner, id: string): Promise<boolean> {
  const rows = await db
    .delete(savedViews)
    .where(and(owned(owner), eq(savedViews.id, id)))
    .returning({ id: savedViews.id });
  return rows.length > 0;
}
