import { definePermissions } from '../../platform/permissions.ts';

/**
 * Built-in roles derive from the verb (the part after the last dot): lecteurs get `read` only, so
 * `read_sensitive` reaches agents and up but not lecteurs; `delete` and `export` stop at responsables;
 * `admin.*` is for administrators.
 */
export const CONTACTS_PERMISSIONS = {
  read: 'contacts.read',
  write: 'contacts.write',
  delete: 'contacts.delete',
  readSensitive: 'contacts.read_sensitive',
  export: 'contacts.export',
  purge: 'admin.contacts_purge',
  manageCustomFields: 'admin.custom_fields',
  writeNotes: 'notes.write',
  manageNotes: 'notes.manage',
} as const;

definePermissions('contacts', {
  [CONTACTS_PERMISSIONS.read]: {
    fr: 'Consulter les contacts et les structures',
    en: 'View people and organisations',
  },
  [CONTACTS_PERMISSIONS.write]: {
    fr: 'Créer et modifier les contacts, les structures et leurs liens',
    en: 'Create and edit people, organisations and their relationships',
  },
  [CONTACTS_PERMISSIONS.delete]: {
    fr: 'Mettre des contacts à la corbeille et les restaurer',
    en: 'Move contacts to the trash and restore them',
  },
  [CONTACTS_PERMISSIONS.readSensitive]: {
    fr: 'Voir les données sensibles (date de naissance, champs sensibles)',
    en: 'See sensitive data (birth date, sensitive fields)',
  },
  [CONTACTS_PERMISSIONS.export]: { fr: 'Exporter des contacts (vCard)', en: 'Export contacts (vCard)' },
  [CONTACTS_PERMISSIONS.purge]: {
    fr: 'Supprimer définitivement des contacts',
    en: 'Delete contacts permanently',
  },
  [CONTACTS_PERMISSIONS.manageCustomFields]: {
    fr: 'Gérer les champs personnalisés',
    en: 'Manage custom fields',
  },
  [CONTACTS_PERMISSIONS.writeNotes]: { fr: 'Écrire des notes', en: 'Write notes' },
  [CONTACTS_PERMISSIONS.manageNotes]: {
    fr: 'Modifier ou supprimer les notes des autres',
    en: "Edit or delete other people's notes",
  },
});
