import type { FormSubmissionInput } from '@parterre/contract/consent-forms';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type RequestScope, systemScope } from '../../platform/scope.ts';
import { normaliseEmail } from '../contacts/contact-normalisation.ts';
import { lockPerson } from '../contacts/people.repository.ts';
import { findPeopleByKeys } from '../contacts/people-intake.repository.ts';
import { resolvePeople } from '../contacts/people-intake.service.ts';
import './consent-forms.errors.ts';
import {
  appendConsentEvents,
  findPurposes,
  listConsentEvents,
  listConsentStates,
  type NewConsentEvent,
} from './consent.repository.ts';
import type { RequestClient } from './consent.service.ts';
import { findForm, formPurposes } from './consent-forms.service.ts';
import { consentFormSubmissions } from './consent-forms.tables.ts';
import { writeConsentTrail } from './consent-trail.ts';
import { confirmationMail } from './double-opt-in.pages.ts';
import {
  CONFIRMATION_VALIDITY_MS,
  signConfirmationToken,
  verifyConfirmationToken,
} from './double-opt-in.token.ts';

const RECORDER_LABEL = 'Formulaire public (double opt-in)';

const fieldError = (scope: RequestScope, code: string, path: string): never => {
  throw new AppError(code, {
    fieldErrors: [{ path, code, message: errorMessage(code, scope.locale, {}) }],
  });
};

export type ConfirmationView =
  | { state: 'pending'; submissionId: string; purposes: string[] }
  | { state: 'confirmed'; submissionId: string; purposes: string[] };

/**
 * Double opt-in: a public submission records `pending` events with their proof and mails a signed
 * link; the click on the confirmation page records `granted` events, once.
 */
export function createDoubleOptInService(
  context: Pick<AppContext, 'database' | 'config' | 'mailer' | 'logger'>,
) {
  const db = context.database.db;
  const secret = context.config.sessionSecret;

  /** The active form, or 404 (an inactive form is as good as none to the public). */
  async function activeForm(scope: RequestScope, formId: string) {
    const form = await findForm(db, scope.tenantId, formId);
    if (!form?.active) throw new AppError('consent_forms.not_found');
    const purposes = (await formPurposes(db, form)).filter(
      (p) => !p.archived && p.channels.includes('email'),
    );
    // Absolute: the page may be copied onto the institution's own site.
    return { form, purposes, action: `${context.config.publicUrl}/public/forms/${form.id}` };
  }

  /**
   * Always the same outcome to the caller, whether the address was known or not. Purposes the
   * person already granted on email are left as they are (a stranger typing someone's address must
   * not turn a granted consent into a pending one); when nothing is left, no mail is sent.
   */
  async function submit(
    scope: RequestScope,
    formId: string,
    input: FormSubmissionInput,
    client: RequestClient,
  ): Promise<void> {
    const { form, purposes } = await activeForm(scope, formId);
    // The honeypot: robots fill every field. Answered like a success, nothing recorded.
    if (input.website?.trim()) return;
    const email = normaliseEmail(input.email);
    if (!email.ok) fieldError(scope, 'consent_forms.invalid_email', 'body.email');
    const byId = new Map(purposes.map((p) => [p.id, p]));
    const chosen = [...new Set(input.purposeIds)];
    if (chosen.length === 0) fieldError(scope, 'consent_forms.no_purpose', 'body.purposeIds');
    const unknown = chosen.findIndex((id) => !byId.has(id));
    if (unknown >= 0) fieldError(scope, 'consent_forms.invalid_purpose', `body.purposeIds.${unknown}`);
    const address = (email as { value: string }).value;

    const system = { ...systemScope(scope.tenantId, RECORDER_LABEL), ip: client.ip };
    const now = new Date();
    const expiresAt = new Date(now.getTime() + CONFIRMATION_VALIDITY_MS);
    const detail = `Formulaire « ${form.name} » (${form.id})`;
    const submission = await db.transaction(async (tx) => {
      const source = `form:${form.name}`;
      // Names typed by anyone only go to a new record: a stranger must not fill a known person's fields.
      const known = await findPeopleByKeys(tx, scope.tenantId, source, {
        externalIds: [],
        emails: [address],
        phones: [],
      });
      const names =
        known.length > 0 ? {} : { firstName: input.firstName || null, lastName: input.lastName || null };
      const resolved = await resolvePeople(tx, system, { source, people: [{ email: address, ...names }] });
      const personId = resolved.ids[0]!;
      await lockPerson(tx, scope.tenantId, personId);
      const granted = new Set(
        (await listConsentStates(tx, scope.tenantId, personId))
          .filter((s) => s.channel === 'email' && s.status === 'granted')
          .map((s) => s.purposeId),
      );
      const events: NewConsentEvent[] = chosen
        .filter((id) => !granted.has(id))
        .map((id) => ({
          id: newId(),
          tenantId: scope.tenantId,
          personId,
          purposeId: id,
          channel: 'email',
          status: 'pending',
          wordingId: byId.get(id)!.currentWording.id,
          occurredAt: now,
          recordedAt: now,
          sourceKind: 'form',
          sourceDetail: detail,
          ip: client.ip,
          userAgent: client.userAgent,
          recordedByKind: 'system',
          recordedById: null,
          recordedByLabel: RECORDER_LABEL,
        }));
      if (events.length === 0) return null;
      await appendConsentEvents(tx, events);
      const id = newId();
      await tx.insert(consentFormSubmissions).values({
        id,
        tenantId: scope.tenantId,
        formId: form.id,
        personId,
        pendingEventIds: events.map((e) => e.id),
        createdAt: now,
        expiresAt,
      });
      await writeConsentTrail(tx, system, events, byId);
      return { id, purposes: events.map((e) => byId.get(e.purposeId)!.nameFr) };
    });
    if (!submission) return;
    const token = signConfirmationToken(secret, scope.tenantId, submission.id, expiresAt);
    const url = `${context.config.publicUrl}/public/confirm/${token}`;
    // After the commit: on the embedded database the mailer's own write would wait on the transaction.
    await context.mailer.send(scope.tenantId, confirmationMail(address, form.name, submission.purposes, url));
  }

  /** Checks the link: 400 when tampered with or unknown, 410 when expired. */
  function checkToken(scope: RequestScope, token: string): string {
    const check = verifyConfirmationToken(secret, scope.tenantId, token, new Date());
    if (!check.ok) {
      throw new AppError(
        check.reason === 'expired' ? 'consent_forms.link_expired' : 'consent_forms.link_invalid',
      );
    }
    return check.submissionId;
  }

  async function findSubmission(scope: RequestScope, id: string) {
    const [row] = await db
      .select()
      .from(consentFormSubmissions)
      .where(and(eq(consentFormSubmissions.tenantId, scope.tenantId), eq(consentFormSubmissions.id, id)));
    if (!row) throw new AppError('consent_forms.link_invalid');
    return row;
  }

  /** What the confirmation page shows; changes nothing (mail scanners prefetch links). */
  async function viewConfirmation(scope: RequestScope, token: string): Promise<ConfirmationView> {
    const submission = await findSubmission(scope, checkToken(scope, token));
    const pending = await listConsentEvents(db, scope.tenantId, { ids: submission.pendingEventIds });
    const purposes = (
      await formPurposes(db, { ...(await findForm(db, scope.tenantId, submission.formId))! })
    ).filter((p) => pending.some((e) => e.purposeId === p.id));
    return {
      state: submission.confirmedAt ? 'confirmed' : 'pending',
      submissionId: submission.id,
      purposes: purposes.map((p) => p.nameFr),
    };
  }

  /**
   * Records `granted` with the proof of the click (its IP and user agent, the wording version of
   * the pending event). A second click records nothing: the submission is marked confirmed once.
   */
  async function confirm(
    scope: RequestScope,
    token: string,
    client: RequestClient,
  ): Promise<{ alreadyConfirmed: boolean; thankYouText: string | null }> {
    const submissionId = checkToken(scope, token);
    const existing = await findSubmission(scope, submissionId);
    const form = await findForm(db, scope.tenantId, existing.formId);
    const thankYouText = form?.thankYouText ?? null;
    const system = { ...systemScope(scope.tenantId, RECORDER_LABEL), ip: client.ip };
    const now = new Date();
    const recorded = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(consentFormSubmissions)
        .set({ confirmedAt: now })
        .where(
          and(
            eq(consentFormSubmissions.tenantId, scope.tenantId),
            eq(consentFormSubmissions.id, submissionId),
            isNull(consentFormSubmissions.confirmedAt),
          ),
        )
        .returning();
      if (!claimed) return false;
      const pending = await listConsentEvents(tx, scope.tenantId, { ids: claimed.pendingEventIds });
      // A merge may have moved the events to the surviving record: follow them.
      for (const personId of new Set(pending.map((e) => e.personId))) {
        await lockPerson(tx, scope.tenantId, personId);
      }
      const detail = `${pending[0]?.proof.detail ?? `Formulaire ${claimed.formId}`} — confirmation du lien envoyé par email`;
      const events: NewConsentEvent[] = pending.map((event) => ({
        id: newId(),
        tenantId: scope.tenantId,
        personId: event.personId,
        purposeId: event.purposeId,
        channel: event.channel,
        status: 'granted',
        wordingId: event.wordingId,
        occurredAt: now,
        recordedAt: now,
        sourceKind: 'form',
        sourceDetail: detail,
        ip: client.ip,
        userAgent: client.userAgent,
        recordedByKind: 'system',
        recordedById: null,
        recordedByLabel: RECORDER_LABEL,
      }));
      await appendConsentEvents(tx, events);
      await tx
        .update(consentFormSubmissions)
        .set({ confirmedEventIds: events.map((e) => e.id!) })
        .where(eq(consentFormSubmissions.id, submissionId));
      const purposes = new Map(
        (await findPurposes(tx, scope.tenantId, [...new Set(pending.map((e) => e.purposeId))])).map((p) => [
          p.id,
          p,
        ]),
      );
      await writeConsentTrail(tx, system, events, purposes);
      return true;
    });
    return { alreadyConfirmed: !recorded, thankYouText };
  }

  return { activeForm, submit, viewConfirmation, confirm };
}

export type DoubleOptInService = ReturnType<typeof createDoubleOptInService>;
