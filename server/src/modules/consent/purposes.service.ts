import type {
  CreatePurposeInput,
  Purpose,
  PurposeDetail,
  UpdatePurposeInput,
} from '@parterre/contract/consent';
import type { DbOrTx } from '../../db/connection.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { authorize } from '../../platform/permissions.ts';
import { actorOf, type RequestScope } from '../../platform/scope.ts';
import { CONSENT_PERMISSIONS } from './consent.permissions.ts';
import {
  findPurpose,
  insertPurpose,
  insertWording,
  listPurposes as listPurposeRows,
  listWordings,
  type PurposeColumns,
  purposeToDto,
  updatePurposeColumns,
} from './consent.repository.ts';

const isUniqueViolation = (error: unknown) => {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
};

/** Empty English text means "no translation". */
const english = (text: string | null | undefined) => (text ? text : null);

function columnsOf(input: UpdatePurposeInput): PurposeColumns {
  const columns: PurposeColumns = {};
  if (input.name) {
    columns.nameFr = input.name.fr;
    columns.nameEn = english(input.name.en);
  }
  if (input.description !== undefined) {
    columns.descriptionFr = input.description?.fr ?? null;
    columns.descriptionEn = english(input.description?.en);
  }
  if (input.legalBasis) columns.legalBasis = input.legalBasis;
  if (input.channels) columns.channels = [...new Set(input.channels)];
  if (input.retention) {
    columns.retentionText = input.retention.text;
    columns.retentionMonths = input.retention.months ?? null;
  }
  if (input.trackingAllowed !== undefined) columns.trackingAllowed = input.trackingAllowed;
  if (input.archived !== undefined) columns.archived = input.archived;
  return columns;
}

/**
 * Purposes (finalités) and their wording. A wording is never changed in place: a different text
 * becomes a new version, so the ledger can always show what a person agreed to.
 */
export function createPurposesService(context: Pick<AppContext, 'database'>) {
  const db = context.database.db;

  async function detail(tx: DbOrTx, tenantId: string, id: string): Promise<PurposeDetail> {
    const row = await findPurpose(tx, tenantId, id);
    if (!row) throw new AppError('consent.purpose_not_found');
    return { ...purposeToDto(row), wordings: await listWordings(tx, tenantId, id) };
  }

  /** Every purpose, by name; archived ones only when asked. */
  async function listPurposes(scope: RequestScope, query: { includeArchived?: boolean }) {
    authorize(scope, CONSENT_PERMISSIONS.read);
    const rows = await listPurposeRows(db, scope.tenantId, {
      includeArchived: query.includeArchived ?? false,
    });
    return { data: rows.map(purposeToDto), nextCursor: null };
  }

  /** One purpose with its whole wording history, newest first. */
  async function getPurpose(scope: RequestScope, id: string): Promise<PurposeDetail> {
    authorize(scope, CONSENT_PERMISSIONS.read);
    return detail(db, scope.tenantId, id);
  }

  /** Creates a purpose and its first wording (version 1). */
  async function createPurpose(scope: RequestScope, input: CreatePurposeInput): Promise<PurposeDetail> {
    authorize(scope, CONSENT_PERMISSIONS.managePurposes);
    const { actorId, actorName } = actorOf(scope);
    const id = newId();
    try {
      return await db.transaction(async (tx) => {
        await insertPurpose(tx, {
          id,
          tenantId: scope.tenantId,
          code: input.code,
          nameFr: input.name.fr,
          nameEn: english(input.name.en),
          descriptionFr: input.description?.fr ?? null,
          descriptionEn: english(input.description?.en),
          legalBasis: input.legalBasis,
          channels: [...new Set(input.channels)],
          retentionText: input.retention.text,
          retentionMonths: input.retention.months ?? null,
          trackingAllowed: input.trackingAllowed ?? false,
          createdBy: actorId,
          updatedBy: actorId,
        });
        await insertWording(tx, {
          id: newId(),
          tenantId: scope.tenantId,
          purposeId: id,
          version: 1,
          textFr: input.wording.fr,
          textEn: english(input.wording.en),
          createdBy: actorId,
          createdByName: actorName,
        });
        const created = await detail(tx, scope.tenantId, id);
        await recordAudit(tx, scope, {
          action: 'purpose.created',
          entityType: 'purpose',
          entityId: id,
          after: created,
        });
        await emitEvent(tx, scope, {
          type: 'purpose.created',
          entityType: 'purpose',
          entityId: id,
          payload: { code: input.code, name: input.name.fr },
        });
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('consent.purpose_code_taken', { details: { code: input.code } });
      throw error;
    }
  }

  /**
   * Updates at the version the caller read (412 with the current purpose otherwise). A `wording`
   * whose text differs from the current one adds a version; the same text adds nothing.
   */
  async function updatePurpose(
    scope: RequestScope,
    id: string,
    version: number,
    input: UpdatePurposeInput,
  ): Promise<PurposeDetail> {
    authorize(scope, CONSENT_PERMISSIONS.managePurposes);
    const { actorId, actorName } = actorOf(scope);
    return db.transaction(async (tx) => {
      const before = await findPurpose(tx, scope.tenantId, id, { lock: true });
      if (!before) throw new AppError('consent.purpose_not_found');
      if (before.version !== version) {
        throw new AppError('common.stale', { extensions: { current: purposeToDto(before) } });
      }
      const beforeDto = purposeToDto(before);
      const wording = input.wording;
      const newWording =
        wording &&
        (wording.fr !== before.currentWording.textFr || english(wording.en) !== before.currentWording.textEn);
      if (wording && newWording) {
        await insertWording(tx, {
          id: newId(),
          tenantId: scope.tenantId,
          purposeId: id,
          version: before.currentWording.version + 1,
          textFr: wording.fr,
          textEn: english(wording.en),
          createdBy: actorId,
          createdByName: actorName,
        });
      }
      await updatePurposeColumns(tx, scope.tenantId, id, { ...columnsOf(input), updatedBy: actorId });
      const after = await detail(tx, scope.tenantId, id);
      const { wordings: _history, ...afterDto } = after;
      await recordAudit(tx, scope, {
        action: 'purpose.updated',
        entityType: 'purpose',
        entityId: id,
        before: beforeDto,
        after: afterDto,
      });
      const changes = (Object.keys(afterDto) as (keyof Purpose)[]).filter(
        (key) =>
          !['version', 'updatedAt'].includes(key) &&
          JSON.stringify(afterDto[key]) !== JSON.stringify(beforeDto[key]),
      );
      await emitEvent(tx, scope, {
        type: 'purpose.updated',
        entityType: 'purpose',
        entityId: id,
        payload: { changes, wordingVersion: after.currentWording.version },
      });
      return after;
    });
  }

  return { listPurposes, getPurpose, createPurpose, updatePurpose };
}

export type PurposesService = ReturnType<typeof createPurposesService>;
