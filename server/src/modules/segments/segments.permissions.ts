import { definePermissions } from '../../platform/permissions.ts';

/**
 * By the verb rule of built-in roles: lecteurs read segments and lists (counts, overlaps, history),
 * agents and up also create and change them. Members pages need `contacts.read` as well.
 */
export const SEGMENTS_PERMISSIONS = {
  read: 'segments.read',
  write: 'segments.write',
} as const;

definePermissions('segments', {
  [SEGMENTS_PERMISSIONS.read]: {
    fr: 'Consulter les segments et les listes (effectifs, recoupements, historique)',
    en: 'View segments and lists (counts, overlaps, history)',
  },
  [SEGMENTS_PERMISSIONS.write]: {
    fr: 'Créer et modifier les segments et les listes',
    en: 'Create and edit segments and lists',
  },
});
