import { definePermissions } from '../../platform/permissions.ts';

/** Verb `import`: agents and up get it (only `read` reaches lecteurs). */
export const INTAKE_PERMISSIONS = {
  import: 'intake.import',
} as const;

definePermissions('intake', {
  [INTAKE_PERMISSIONS.import]: {
    fr: 'Importer des fichiers de billetterie et gérer les modèles d’import',
    en: 'Import ticketing files and manage import presets',
  },
});
