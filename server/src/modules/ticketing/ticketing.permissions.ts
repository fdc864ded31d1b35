import { definePermissions } from '../../platform/permissions.ts';

/** Catalogue and sales are shared by every department; `admin.ticketing` guards connector secrets. */
export const TICKETING_PERMISSIONS = {
  read: 'ticketing.read',
  write: 'ticketing.write',
  admin: 'admin.ticketing',
} as const;

definePermissions('ticketing', {
  [TICKETING_PERMISSIONS.read]: {
    fr: 'Consulter la programmation, les commandes et les billets',
    en: 'View the programme, orders and tickets',
  },
  [TICKETING_PERMISSIONS.write]: {
    fr: 'Modifier la programmation, importer des commandes, enregistrer des entrées',
    en: 'Edit the programme, import orders, record entries',
  },
  [TICKETING_PERMISSIONS.admin]: {
    fr: 'Configurer les connecteurs de billetterie (secrets des webhooks)',
    en: 'Configure ticketing connectors (webhook secrets)',
  },
});
