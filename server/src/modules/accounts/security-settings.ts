import { and, eq } from 'drizzle-orm';
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
  return {
    ...DEFAULT_SECURITY_SETTINGS,
    ...((row?.value as Partial<SecuritySettings>) ?? {}),
    version: row?.version ?? 0,
  };
}

const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; value: SecuritySettings }>();

/** Read on every authenticated request, so kept a few seconds in memory. */
export async function readSessionPolicy(db: Db, tenantId: string) {
  const cached = cache.get(tenantId);
  if (cached && Date.now() - cached.at < CACHE_MS) {
    return { idleMinutes: cached.value.sessionIdleMinutes, absoluteHours: cached.value.sessionAbsoluteHours };
  }
  const value = await readSecuritySettings(db, tenantId);
  cache.set(tenantId, { at: Date.now(), value });
  return { idleMinutes: value.sessionIdleMinutes, absoluteHours: value.sessionAbsoluteHours };
}

export function forgetCachedSecuritySettings(tenantId: string): void {
  cache.delete(tenantId);
}
