import type {
  ConsentForm,
  ConsentFormPurpose,
  CreateConsentFormInput,
  UpdateConsentFormInput,
} from '@parterre/contract/consent-forms';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, errorMessage } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import './consent-forms.errors.ts';
import { CONSENT_PERMISSIONS } from './consent.permissions.ts';
import { findPurposes, type PurposeRecord } from './consent.repository.ts';
import { type ConsentFormRow, consentForms } from './consent-forms.tables.ts';

export async function findForm(
  db: DbOrTx,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ConsentFormRow | undefined> {
  const query = db
    .select()
    .from(consentForms)
    .where(and(eq(consentForms.tenantId, tenantId), eq(consentForms.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export function formPurposeOf(purpose: PurposeRecord): ConsentFormPurpose {
  return {
    id: purpose.id,
    code: purpose.code,
    name: { fr: purpose.nameFr, en: purpose.nameEn },
    wordingId: purpose.currentWording.id,
    wordingVersion: purpose.currentWording.version,
    wording: { fr: purpose.currentWording.textFr, en: purpose.currentWording.textEn },
    archived: purpose.archived,
  };
}

/** The form's purposes in its order, with their current wording (archived ones included). */
export async function formPurposes(db: DbOrTx, row: ConsentFormRow): Promise<PurposeRecord[]> {
  const byId = new Map((await findPurposes(db, row.tenantId, row.purposeIds)).map((p) => [p.id, p]));
  return row.purposeIds.flatMap((id) => byId.get(id) ?? []);
}

/** Subscription forms (double opt-in) that institutions embed on their site; administered like purposes. */
export function createConsentFormsService(context: Pick<AppContext, 'database' | 'config'>) {
  const db = context.database.db;

  async function toDto(tx: DbOrTx, row: ConsentFormRow): Promise<ConsentForm> {
    return {
      id: row.id,
      name: row.name,
      purposes: (await formPurposes(tx, row)).map(formPurposeOf),
      channel: 'email',
      thankYouText: row.thankYouText,
      active: row.active,
      publicUrl: `${context.config.publicUrl}/public/forms/${row.id}`,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    };
  }

  /** Every purpose must exist, be live and accept the email channel. */
  async function checkPurposes(scope: RequestScope, tx: DbOrTx, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = new Map((await findPurposes(tx, scope.tenantId, unique)).map((p) => [p.id, p]));
    const index = unique.findIndex((id) => {
      const purpose = found.get(id);
      return !purpose || purpose.archived || !purpose.channels.includes('email');
    });
    if (index >= 0) {
      throw new AppError('consent_forms.invalid_purpose', {
        fieldErrors: [
          {
            path: `body.purposeIds.${index}`,
            code: 'consent_forms.invalid_purpose',
            message: errorMessage('consent_forms.invalid_purpose', scope.locale, {}),
          },
        ],
      });
    }
    return unique;
  }

  async function listForms(scope: RequestScope): Promise<{ data: ConsentForm[]; nextCursor: null }> {
    authorize(scope, CONSENT_PERMISSIONS.managePurposes);
    const rows = await db
      .select()
      .from(consentForms)
      .where(eq(consentForms.tenantId, scope.tenantId))
      .orderBy(asc(consentForms.name), asc(consentForms.id));
    const data: ConsentForm[] = [];
    for (const row of rows) data.push(await toDto(db, row));
    return { data, nextCursor: null };
  }

  async function getForm(scope: RequestScope, id: string): Promise<ConsentForm> {
    authorize(scope, CONSENT_PERMISSIONS.managePurposes);
    const row = await findForm(db, scope.tenantId, id);
    if (!row) throw new AppError('consent_forms.not_found');
    return toDto(db, row);
  }

  async function createForm(scope: RequestScope, input: CreateConsentFormInput): Promise<ConsentForm> {
    authorize(scope, CONSENT_PERMISSIONS.managePurposes);
    const { actorId } = actorOf(scope);
    return db.transaction(async (tx) => {
      const purposeIds = await checkPurposes(scope, tx, input.purposeIds);
      const id = newId();
      await tx.insert(consentForms).values({
        id,
        tenantId: scope.tenantId,
        name: input.name,
        purposeIds,
        channel: 'email',
        thankYouText: input.thankYouText || null,
        active: input.active ?? true,
        createdBy: actorId,
        updatedBy: actorId,
      });
      const form = await toDto(tx, (await findForm(tx, scope.tenantId, id))!);
      await recordAudit(tx, scope, {
        action: 'consent_form.created',
        entityType: 'consent_form',
        entityId: id,
        after: form,
      });
      return form;
    });
  }

  async function updateForm(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdateConsentFormInput,
  ): Promise<ConsentForm> {
    authorize(scope, CONSENT_PERMISSIONS.managePurposes);
    const { actorId } = actorOf(scope);
    return db.transaction(async (tx) => {
      const before = await findForm(tx, scope.tenantId, id, { lock: true });
      if (!before) throw new AppError('consent_forms.not_found');
      const beforeDto = await toDto(tx, before);
      if (before.version !== version)
        throw new AppError('common.stale', { extensions: { current: beforeDto } });
      const columns: Partial<typeof consentForms.$inferInsert> = {};
      if (input.name !== undefined) columns.name = input.name;
      if (input.purposeIds) columns.purposeIds = await checkPurposes(scope, tx, input.purposeIds);
      if (input.thankYouText !== undefined) columns.thankYouText = input.thankYouText || null;
      if (input.active !== undefined) columns.active = input.active;
      await tx
        .update(consentForms)
        .set({
          ...columns,
          updatedBy: actorId,
          updatedAt: new Date(),
          version: sql`${consentForms.version} + 1`,
        })
        .where(and(eq(consentForms.tenantId, scope.tenantId), eq(consentForms.id, id)));
      const after = await toDto(tx, (await findForm(tx, scope.tenantId, id))!);
      await recordAudit(tx, scope, {
        action: 'consent_form.updated',
        entityType: 'consent_form',
        entityId: id,
        before: beforeDto,
        after,
      });
      return after;
    });
  }

  return { listForms, getForm, createForm, updateForm };
}

export type ConsentFormsService = ReturnType<typeof createConsentFormsService>;
