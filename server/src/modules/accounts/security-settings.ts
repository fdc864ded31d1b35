import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/connection.ts';
import { settings } from '../../platform/platform.tables.ts';

export type SecuritySettings = {
  /** When true, every user must enrol a TOTP second factor before using the back office. */
  totpRequired: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
};

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  totpRequired: false,
  sessionIdleMinutes: 60,
  sessionAbsoluteHours: 12,
};

const SETTINGS_KEY = 'security';

export async function readSecuritySettings(
  db: DbOrTx,
  tenantId: string,
): Promise<SecuritySettings & { version: number }> {
  const [row] = await db
    .select({ value: settings.value, version: settings.version })
    .from(settings)
    .where(and(eq(settings.tenantId, tenantId), eq(settings.key, SETTINGS_KEY)));
  const stored = (row?.value as Partial<SecuritySettings>) ?? {};
  return {
    totpRequired: stored.totpRequired ?? DEFAULT_SECURITY_SETTINGS.totpRequired,
    sessionIdleMinutes: stored.sessionIdleMinutes ?? DEFAULT_SECURITY_SETTINGS.sessionIdleMinutes,
    sessionAbsoluteHours: stored.sessionAbsoluteHours ?? DEFAULT_SECURITY_SETTINGS.sessionAbsoluteHours,
    version: row?.version ?? 0,
  };
}

const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; value: SecuritySettings }>();

function toPolicy(value: SecuritySettings) {
  return {
    idleMinutes: value.sessionIdleMinutes,
    absoluteHours: value.sessionAbsoluteHours,
    totpRequired: value.totpRequired,
  };
}

/**
 * Read on every authenticated request, so kept a few seconds in memory (per process: other
 * processes see a change within CACHE_MS).
 */
export async function readSessionPolicy(db: Db, tenantId: string) {
  const cached = cache.get(tenantId);
  if (cached && Date.now() - cached.at < CACHE_MS) return toPolicy(cached.value);
  const value = await readSecuritySettings(db, tenantId);
  cache.set(tenantId, { at: Date.now(), value });
  return toPolicy(value);
}

/**
 * Writes the whole settings object if `expectedVersion` is still current (0: never saved);
 * returns the new version, or null when someone saved in between.
 */
export async function writeSecuritySettings(
  db: DbOrTx,
  tenantId: string,
  expectedVersion: number,
  value: SecuritySettings,
): Promise<number | null> {
  if (expectedVersion === 0) {
    const inserted = await db
      .insert(settings)
      .values({ tenantId, key: SETTINGS_KEY, value, version: 1 })
      .onConflictDoNothing()
      .returning({ version: settings.version });
    return inserted[0]?.version ?? null;
  }
  const updated = await db
    .update(settings)
    .set({ value, version: sql`${settings.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(settings.tenantId, tenantId),
        eq(settings.key, SETTINGS_KEY),
        eq(settings.version, expectedVersion),
      ),
    )
    .returning({ version: settings.version });
  return updated[0]?.version ?? null;
}

export function forgetCachedSecuritySettings(tenantId: string): void {
  cache.delete(tenantId);
}
