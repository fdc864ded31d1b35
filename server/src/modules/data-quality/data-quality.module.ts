import type { ModuleDefinition } from '../../platform/module.ts';
import './data-quality.permissions.ts';
import { registerDataQualityRoutes } from './data-quality.routes.ts';
import { createDataQualityService } from './data-quality.service.ts';

/** The data-quality report: invalid coordinates, missing key fields and suspected duplicates per source. */
export const dataQualityModule: ModuleDefinition = {
  name: 'data-quality',
  routes(app, context) {
    registerDataQualityRoutes(app, createDataQualityService(context));
  },
};
