import { definePermissions } from '../../platform/permissions.ts';

/**
 * Verb `manage`: the report is a steering tool for responsables and administrators (agents and
 * lecteurs fix or read records one by one). It also needs `contacts.read`.
 */
export const DATA_QUALITY_PERMISSIONS = {
  report: 'data_quality.manage',
} as const;

definePermissions('data_quality', {
  [DATA_QUALITY_PERMISSIONS.report]: {
    fr: 'Consulter le rapport de qualité des données',
    en: 'View the data-quality report',
  },
});
