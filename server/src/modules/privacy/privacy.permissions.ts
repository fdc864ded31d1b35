import { definePermissions } from '../../platform/permissions.ts';

/**
 * `privacy.manage` ends in a manager verb, so administrateur and responsable get it by default (the
 * DPO is one of them, or has a custom role); `privacy.read` follows the `read` rule like every module.
 */
export const PRIVACY_PERMISSIONS = {
  read: 'privacy.read',
  manage: 'privacy.manage',
} as const;

definePermissions('privacy', {
  [PRIVACY_PERMISSIONS.read]: {
    fr: 'Consulter le registre des demandes d’exercice des droits',
    en: 'View the register of data-subject requests',
  },
  [PRIVACY_PERMISSIONS.manage]: {
    fr: 'Traiter les demandes d’exercice des droits et exporter les données d’une personne',
    en: 'Handle data-subject requests and export a person’s data',
  },
});
