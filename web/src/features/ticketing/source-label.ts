import { i18n } from '../../app/i18n';

/** « Saisie dans Parterre » for rows entered by hand, else « billetweb → EV-12 ». */
export function sourceLabel(row: { source: string; externalId: string }): string {
  return row.source === 'parterre'
    ? i18n.t('ticketing.catalogue.manual')
    : `${row.source} → ${row.externalId}`;
}
