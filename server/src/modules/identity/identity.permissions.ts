import { definePermissions } from '../../platform/permissions.ts';

/**
 * Reviewing and merging duplicates is a contacts-level right: the `merge` verb reaches
 * responsables and administrators. The full scan and the matching rules are for administrators.
 */
export const IDENTITY_PERMISSIONS = {
  merge: 'contacts.merge',
  admin: 'admin.identity',
} as const;

definePermissions('contacts', {
  [IDENTITY_PERMISSIONS.merge]: {
    fr: 'Examiner les doublons, fusionner des contacts et annuler une fusion',
    en: 'Review duplicates, merge contacts and undo a merge',
  },
});

definePermissions('admin', {
  [IDENTITY_PERMISSIONS.admin]: {
    fr: 'Régler la détection des doublons et lancer une recherche sur toute la base',
    en: 'Configure duplicate detection and scan the whole base',
  },
});
