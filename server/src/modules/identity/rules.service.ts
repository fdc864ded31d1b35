import {
  type MatchingRuleSet,
  type MatchingRuleSetInput,
  matchingRuleSetSchema,
} from '@parterre/contract/identity';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { IDENTITY_PERMISSIONS } from './identity.permissions.ts';
import { readRules, writeRules } from './identity.repository.ts';
import { defaultMatchingRules } from './matching-rules.ts';

/** The tenant's rule set, or the defaults when none was saved (or a saved one no longer validates). */
export async function loadMatchingRules(db: DbOrTx, tenantId: string): Promise<MatchingRuleSet> {
  const stored = await readRules(db, tenantId);
  const parsed = stored === undefined ? undefined : matchingRuleSetSchema.safeParse(stored);
  return parsed?.success ? parsed.data : defaultMatchingRules;
}

/** Matching rules and thresholds, per tenant, for administrators. */
export function createRulesService(context: Pick<AppContext, 'database'>) {
  const db = context.database.db;

  /** The rules in force. */
  async function getRules(scope: RequestScope): Promise<MatchingRuleSet> {
    authorize(scope, IDENTITY_PERMISSIONS.admin);
    return loadMatchingRules(db, scope.tenantId);
  }

  /** Replaces the rules (already validated by the contract schema); audited. */
  async function updateRules(scope: RequestScope, input: MatchingRuleSetInput): Promise<MatchingRuleSet> {
    authorize(scope, IDENTITY_PERMISSIONS.admin);
    const rules = matchingRuleSetSchema.parse(input);
    await db.transaction(async (tx) => {
      const before = await loadMatchingRules(tx, scope.tenantId);
      await writeRules(tx, scope.tenantId, rules);
      await recordAudit(tx, scope, {
        action: 'identity.rules_updated',
        entityType: 'settings',
        before,
        after: rules,
      });
    });
    return rules;
  }

  return { getRules, updateRules };
}

export type RulesService = ReturnType<typeof createRulesService>;
