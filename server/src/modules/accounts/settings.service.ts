import type { SecuritySettingsDto, UpdateSecuritySettingsInput } from '@parterre/contract/accounts';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { ACCOUNT_PERMISSIONS } from './accounts.permissions.ts';
import {
  forgetCachedSecuritySettings,
  readSecuritySettings,
  type SecuritySettings,
  writeSecuritySettings,
} from './security-settings.ts';

/** Sign-in policy of the institution: mandatory TOTP, session time-outs. */
export function createSettingsService(context: AppContext) {
  const db = context.database.db;

  async function getSecuritySettings(scope: RequestScope): Promise<SecuritySettingsDto> {
    authorize(scope, ACCOUNT_PERMISSIONS.settings);
    return readSecuritySettings(db, scope.tenantId);
  }

  async function updateSecuritySettings(
    scope: RequestScope,
    version: number,
    input: UpdateSecuritySettingsInput,
  ): Promise<SecuritySettingsDto> {
    authorize(scope, ACCOUNT_PERMISSIONS.settings);
    const updated = await db.transaction(async (tx) => {
      const { version: current, ...before } = await readSecuritySettings(tx, scope.tenantId);
      if (current !== version) throw new AppError('common.stale');
      const { reason, ...patch } = input;
      const after: SecuritySettings = {
        totpRequired: patch.totpRequired ?? before.totpRequired,
        sessionIdleMinutes: patch.sessionIdleMinutes ?? before.sessionIdleMinutes,
        sessionAbsoluteHours: patch.sessionAbsoluteHours ?? before.sessionAbsoluteHours,
      };
      if (after.sessionIdleMinutes > after.sessionAbsoluteHours * 60) {
        throw new AppError('common.validation', {
          fieldErrors: [
            {
              path: 'body.sessionIdleMinutes',
              code: 'idle_exceeds_absolute',
              message: errorMessage('settings.idle_exceeds_absolute', scope.locale),
            },
          ],
        });
      }
      const newVersion = await writeSecuritySettings(tx, scope.tenantId, version, after);
      if (newVersion === null) throw new AppError('common.stale');
      await recordAudit(tx, scope, {
        action: 'settings.security_updated',
        entityType: 'settings',
        before,
        after,
        reason,
      });
      return { ...after, version: newVersion };
    });
    forgetCachedSecuritySettings(scope.tenantId);
    return updated;
  }

  return { getSecuritySettings, updateSecuritySettings };
}
