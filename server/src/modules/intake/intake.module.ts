import type { ModuleDefinition } from '../../platform/module.ts';
import './intake.errors.ts';
import './intake.permissions.ts';
import { importJob } from './import.jobs.ts';
import { registerImportRoutes } from './import.routes.ts';
import { createImportService } from './import.service.ts';

/** File imports (CSV, XLSX) from ticketing systems: preview, mapping presets, the import job. */
export const intakeModule: ModuleDefinition = {
  name: 'intake',
  jobs: [importJob],
  routes(app, context) {
    registerImportRoutes(app, createImportService(context));
  },
};
