import { definePermissions } from '../../platform/permissions.ts';

/**
 * Built-in roles are computed from these codes (platform/permissions.ts): `admin.*` only reaches
 * administrateur; `tokens.manage_own` reaches administrateur, responsable and agent;
 * `admin.all_departments` (seeing every department's facts) reaches administrateur only; give it to
 * direction or the DPO through a custom role.
 */
export const ACCOUNT_PERMISSIONS = {
  adminAccess: 'admin.access',
  users: 'admin.users',
  departments: 'admin.departments',
  roles: 'admin.roles',
  tokens: 'admin.tokens',
  settings: 'admin.settings',
  metrics: 'admin.metrics',
  ownTokens: 'tokens.manage_own',
  allDepartments: 'admin.all_departments',
} as const;

definePermissions('admin', {
  'admin.access': { fr: "Accéder aux écrans d'administration", en: 'Open the administration screens' },
  'admin.users': {
    fr: 'Gérer les utilisateurs (création, rôles, services, désactivation)',
    en: 'Manage users (creation, roles, departments, deactivation)',
  },
  'admin.departments': { fr: 'Gérer les services', en: 'Manage departments' },
  'admin.roles': { fr: 'Gérer les rôles et leurs permissions', en: 'Manage roles and their permissions' },
  'admin.tokens': {
    fr: "Gérer les jetons d'API de tous les utilisateurs",
    en: "Manage every user's API tokens",
  },
  'admin.settings': { fr: 'Modifier les réglages de sécurité', en: 'Change the security settings' },
  'admin.metrics': {
    fr: 'Lire les métriques techniques (Prometheus)',
    en: 'Read technical metrics (Prometheus)',
  },
});

definePermissions('accounts', {
  'tokens.manage_own': {
    fr: "Créer et révoquer ses propres jetons d'API",
    en: 'Create and revoke own API tokens',
  },
  'admin.all_departments': {
    fr: 'Voir les informations de tous les services, pas seulement des siens',
    en: 'See the information of every department, not only of own ones',
  },
});
