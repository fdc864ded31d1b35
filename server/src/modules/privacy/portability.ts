import { PERSON_EXPORT_SCHEMA_VERSION, type PersonExport } from '@parterre/contract/privacy';
import { recordAccess } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { listConsentEvents, listConsentStates } from '../consent/consent.repository.ts';
import { csvCell } from '../contacts/contacts-export.jobs.ts';
import { listNotes } from '../contacts/notes.repository.ts';
import { loadPeople } from '../contacts/people.repository.ts';
import { listRelationshipsOf } from '../contacts/relationships.repository.ts';
import { listOrderLines, listOrderRows } from '../ticketing/orders.repository.ts';
import { listAuditAbout } from './portability.repository.ts';
import { PRIVACY_PERMISSIONS } from './privacy.permissions.ts';
import { listPrivacyRequestRows, toPrivacyRequest } from './privacy.repository.ts';
import { parisToday } from './privacy-dates.ts';

/** Enough for anyone's lifetime of notes and orders; the export is one document, not a page. */
const ALL = 100_000;

/** Another person in her orders (a companion's ticket, the friend who bought hers) is not named. */
const partyOf = (id: string | null, personId: string) =>
  id === null ? null : id === personId ? 'self' : 'other';

/**
 * Everything Parterre holds about a person (art. 15 and 20), read from each module's repository as
 * the DPO sees it: all departments' notes, unmasked fields. The export is logged as an access.
 */
export function createPortabilityService(context: Pick<AppContext, 'database'>) {
  const db = context.database.db;

  async function exportPerson(
    scope: RequestScope,
    personId: string,
    format: 'json' | 'csv' | 'html',
  ): Promise<PersonExport> {
    authorize(scope, PRIVACY_PERMISSIONS.manage);
    const [person] = await loadPeople(db, scope.tenantId, [personId]);
    if (!person) throw new AppError('privacy.export_person_not_found');
    const notes = await listNotes(db, scope.tenantId, { personId }, { all: true }, { limit: ALL });
    const relationships = await listRelationshipsOf(db, scope.tenantId, { personId });
    const orderRows = await listOrderRows(db, { tenantId: scope.tenantId, personId, limit: ALL });
    const orders = [];
    for (const { buyerPersonId, ...order } of orderRows) {
      const buyer = partyOf(buyerPersonId, personId);
      const lines = (await listOrderLines(db, scope.tenantId, order.id))
        .filter((line) => buyer === 'self' || line.holderPersonId === personId)
        .map(({ holderPersonId, ...line }) => ({ ...line, holder: partyOf(holderPersonId, personId) }));
      orders.push({ ...order, buyer, lines });
    }
    const consents = {
      states: await listConsentStates(db, scope.tenantId, personId),
      history: await listConsentEvents(db, scope.tenantId, { personId }),
    };
    const audit = await listAuditAbout(db, scope.tenantId, personId);
    const today = parisToday();
    const privacyRequests = (
      await listPrivacyRequestRows(db, { tenantId: scope.tenantId, personId, limit: ALL })
    ).map((row) => toPrivacyRequest(row, today));
    // Exporting is reading everything: the DPO's register shows who exported whom, and how.
    await recordAccess(db, scope, {
      action: 'export',
      entityType: 'person',
      entityId: personId,
      detail: { portability: true, format },
    });
    return {
      schemaVersion: PERSON_EXPORT_SCHEMA_VERSION,
      generatedAt: new Date().toISOString(),
      personId,
      person,
      relationships,
      notes,
      orders,
      consents,
      audit,
      privacyRequests,
    };
  }

  return { exportPerson };
}

export type PortabilityService = ReturnType<typeof createPortabilityService>;

/** Nested objects become dotted keys (`lines.0.amount`), so every value sits in one cell. */
export function flatten(value: unknown, prefix: string, into: [string, string][]): void {
  if (value === null || value === undefined) {
    into.push([prefix, '']);
  } else if (Array.isArray(value) || typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) into.push([prefix, '']);
    for (const [key, child] of entries) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.push([prefix, String(value)]);
  }
}

const DELIMITER = ';';

/** The bundle's sections under their French names, in reading order (CSV and HTML share them). */
export function exportSections(bundle: PersonExport): [string, unknown[]][] {
  return [
    ['personne', [bundle.person]],
    ['relations', bundle.relationships],
    ['notes', bundle.notes],
    ['commandes', bundle.orders],
    ['consentements', bundle.consents.states],
    ['historique des consentements', bundle.consents.history],
    ['journal', bundle.audit],
    ['demandes', bundle.privacyRequests],
  ];
}

/**
 * The bundle as one CSV (UTF-8 with BOM, `;` as French spreadsheets expect): section, item number,
 * field, value. Cells go through the contacts export's formula neutralisation.
 */
export function personExportToCsv(bundle: PersonExport): string {
  const rows: string[][] = [
    ['section', 'élément', 'champ', 'valeur'],
    ['export', '', 'schemaVersion', String(bundle.schemaVersion)],
    ['export', '', 'generatedAt', bundle.generatedAt],
  ];
  for (const [name, items] of exportSections(bundle)) {
    items.forEach((item, index) => {
      const fields: [string, string][] = [];
      flatten(item, '', fields);
      for (const [field, value] of fields) rows.push([name, String(index + 1), field, value]);
    });
  }
  return `\uFEFF${rows.map((row) => row.map((cell) => csvCell(cell, DELIMITER)).join(DELIMITER)).join('\r\n')}\r\n`;
}
