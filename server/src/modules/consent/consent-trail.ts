import type { DbOrTx } from '../../db/connection.ts';
import { recordAudits } from '../../platform/audit.ts';
import { emitEvents } from '../../platform/events.ts';
import type { RequestScope } from '../../platform/scope.ts';
import type { NewConsentEvent } from './consent.repository.ts';

type PurposeLabel = { id: string; code: string; nameFr: string };

/**
 * The audit rows and timeline events of consent events just appended to the ledger, in the same
 * transaction: one of each per event, whoever recorded it (the back office or a public form).
 */
export async function writeConsentTrail(
  tx: DbOrTx,
  scope: RequestScope,
  events: NewConsentEvent[],
  purposes: Map<string, PurposeLabel>,
): Promise<void> {
  await recordAudits(
    tx,
    scope,
    events.map((event) => ({
      action: 'consent.recorded',
      entityType: 'person',
      entityId: event.personId,
      after: { ...event, occurredAt: event.occurredAt.toISOString() },
    })),
  );
  await emitEvents(
    tx,
    scope,
    events.map((event) => {
      const purpose = purposes.get(event.purposeId)!;
      return {
        type: 'consent.recorded',
        entityType: 'consent',
        entityId: event.id!,
        subjects: [event.personId],
        payload: {
          purposeId: purpose.id,
          purposeCode: purpose.code,
          purposeName: purpose.nameFr,
          channel: event.channel,
          status: event.status,
          source: event.sourceKind,
          occurredAt: event.occurredAt.toISOString(),
        },
      };
    }),
  );
}
