import { definePermissions } from '../../platform/permissions.ts';

/**
 * Consents are shared by every department. Box-office agents record them (`consent.record` is not
 * a manager verb); defining purposes is for administrators, the DPO and managers (`manage`).
 */
export const CONSENT_PERMISSIONS = {
  read: 'consent.read',
  record: 'consent.record',
  managePurposes: 'purposes.manage',
} as const;

definePermissions('consent', {
  [CONSENT_PERMISSIONS.read]: {
    fr: 'Consulter les consentements et leurs preuves',
    en: 'View consents and their proofs',
  },
  [CONSENT_PERMISSIONS.record]: {
    fr: 'Enregistrer un consentement ou un retrait (guichet, formulaire, import)',
    en: 'Record a consent or a withdrawal (counter, form, import)',
  },
  [CONSENT_PERMISSIONS.managePurposes]: {
    fr: 'Définir les finalités, leur base légale et leur texte',
    en: 'Define purposes, their legal basis and wording',
  },
});
