import type {
  ConsentRecorder,
  ConsentSourceKind,
  ContactConsents,
  RecordConsentInput,
  RecordConsentsResult,
} from '@parterre/contract/consent';
import { recordAccess } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { lockPerson } from '../contacts/people.repository.ts';
import { subjectExists } from '../contacts/timeline.repository.ts';
import { CONSENT_PERMISSIONS } from './consent.permissions.ts';
import {
  appendConsentEvents,
  findPurposes,
  findWordings,
  listConsentEvents,
  listConsentStates,
  type NewConsentEvent,
  type PurposeRecord,
} from './consent.repository.ts';
import { writeConsentTrail } from './consent-trail.ts';

/** Sources where the person acts online: the request's IP and user agent are theirs (or their browser's). */
const ONLINE_SOURCES: ReadonlySet<ConsentSourceKind> = new Set(['form', 'api', 'preference_centre']);
/** Clocks differ a little between a kiosk, a form server and us. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** What the HTTP request tells about the client, used as proof for online sources. */
export type RequestClient = { ip: string | null; userAgent: string | null };

function recorderOf(scope: RequestScope): ConsentRecorder {
  const { principal } = scope;
  if (principal.kind === 'user') return { kind: 'user', id: principal.userId, label: principal.name };
  if (principal.kind === 'token') {
    return { kind: 'token', id: principal.tokenId ?? null, label: principal.name };
  }
  if (principal.kind === 'system') return { kind: 'system', id: null, label: principal.name };
  return { kind: 'system', id: null, label: 'anonyme' };
}

/** Refuses the whole request on its first bad event, naming the field (`body.0.channel`). */
function refuse(
  scope: RequestScope,
  code: string,
  path: string,
  details: Record<string, unknown> = {},
): never {
  throw new AppError(code, {
    details,
    fieldErrors: [{ path, code, message: errorMessage(code, scope.locale, details) }],
  });
}

/**
 * The consent ledger: events are only ever appended, each with its proof, and the current state
 * per purpose × channel moves forward in the same transaction (an event older than the state's
 * leaves it as it is).
 */
export function createConsentService(context: Pick<AppContext, 'database'>) {
  const db = context.database.db;

  /** A person's current states and whole history with proofs, newest first. */
  async function getContactConsents(scope: RequestScope, personId: string): Promise<ContactConsents> {
    authorize(scope, CONSENT_PERMISSIONS.read);
    if (!(await subjectExists(db, scope.tenantId, 'person', personId))) {
      throw new AppError('consent.person_not_found');
    }
    // Consents are personal data: the DPO sees who looked at them.
    await recordAccess(db, scope, {
      action: 'view',
      entityType: 'person',
      entityId: personId,
      detail: { consents: true },
    });
    return {
      states: await listConsentStates(db, scope.tenantId, personId),
      history: await listConsentEvents(db, scope.tenantId, { personId }),
    };
  }

  function prepareEvent(
    scope: RequestScope,
    options: {
      input: RecordConsentInput;
      /** Where the event sits in the request body, for field errors: `body` or `body.<index>`. */
      at: string;
      personId: string;
      purpose: PurposeRecord | undefined;
      wordingPurposeId: string | undefined;
      client: RequestClient;
      now: Date;
    },
  ): NewConsentEvent {
    const { input, at, purpose, now } = options;
    if (!purpose) refuse(scope, 'consent.unknown_purpose', `${at}.purposeId`);
    const name = purpose.nameFr;
    if (purpose.archived) refuse(scope, 'consent.purpose_archived', `${at}.purposeId`, { purpose: name });
    if (!purpose.channels.includes(input.channel)) {
      refuse(scope, 'consent.channel_not_allowed', `${at}.channel`, {
        channel: input.channel,
        purpose: name,
      });
    }
    if (input.wordingId && options.wordingPurposeId !== purpose.id) {
      refuse(scope, 'consent.wording_mismatch', `${at}.wordingId`, { purpose: name });
    }
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      refuse(scope, 'consent.occurred_in_future', `${at}.occurredAt`);
    }
    const asked = input.status === 'granted' || input.status === 'pending';
    const online = ONLINE_SOURCES.has(input.proof.source);
    const recorder = recorderOf(scope);
    return {
      id: newId(),
      tenantId: scope.tenantId,
      personId: options.personId,
      purposeId: purpose.id,
      channel: input.channel,
      status: input.status,
      wordingId: input.wordingId ?? (asked ? purpose.currentWording.id : null),
      occurredAt,
      recordedAt: now,
      sourceKind: input.proof.source,
      sourceDetail: input.proof.detail || null,
      sourceFileName: input.proof.fileName || null,
      sourceFileRow: input.proof.fileRow ?? null,
      ip: input.proof.ip ?? (online ? options.client.ip : null),
      userAgent: input.proof.userAgent || (online ? options.client.userAgent : null),
      recordedByKind: recorder.kind,
      recordedById: recorder.id,
      recordedByLabel: recorder.label,
    };
  }

  /**
   * Records one or more events (all or none) for a person with their proof, then answers the
   * events and the person's states. The person's row is locked, so a merge of the same person
   * waits for the events to land (and moves them) instead of leaving them on the merged record.
   */
  async function recordConsents(
    scope: RequestScope,
    personId: string,
    body: RecordConsentInput | RecordConsentInput[],
    client: RequestClient,
  ): Promise<RecordConsentsResult> {
    const inputs = Array.isArray(body) ? body : [body];
    authorize(scope, CONSENT_PERMISSIONS.record);
    const ids = await db.transaction(async (tx) => {
      const person = await lockPerson(tx, scope.tenantId, personId);
      if (!person || person.deletedAt) throw new AppError('consent.person_not_found');
      if (person.mergedIntoId) {
        throw new AppError('consent.person_merged', { details: { survivorId: person.mergedIntoId } });
      }
      const purposes = new Map(
        (await findPurposes(tx, scope.tenantId, [...new Set(inputs.map((i) => i.purposeId))])).map((p) => [
          p.id,
          p,
        ]),
      );
      const wordingIds = inputs.flatMap((i) => (i.wordingId ? [i.wordingId] : []));
      const wordings = new Map(
        (await findWordings(tx, scope.tenantId, wordingIds)).map((w) => [w.id, w.purposeId]),
      );
      const now = new Date();
      const events = inputs.map((input, index) =>
        prepareEvent(scope, {
          input,
          at: Array.isArray(body) ? `body.${index}` : 'body',
          personId,
          purpose: purposes.get(input.purposeId),
          wordingPurposeId: input.wordingId ? wordings.get(input.wordingId) : undefined,
          client,
          now,
        }),
      );
      await appendConsentEvents(tx, events);
      await writeConsentTrail(tx, scope, events, purposes);
      return events.map((event) => event.id);
    });
    const recorded = await listConsentEvents(db, scope.tenantId, { ids });
    const order = new Map(ids.map((id, index) => [id, index]));
    recorded.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { recorded, states: await listConsentStates(db, scope.tenantId, personId) };
  }

  return { getContactConsents, recordConsents };
}

export type ConsentService = ReturnType<typeof createConsentService>;
