import type { ModuleDefinition } from '../../platform/module.ts';
import './segments.errors.ts';
import './segments.permissions.ts';
import { registerListsRoutes } from './lists.routes.ts';
import { createListsService } from './lists.service.ts';
import { snapshotSizesJob } from './segments.jobs.ts';
import { registerSegmentsRoutes } from './segments.routes.ts';
import { createSegmentsService } from './segments.service.ts';

/** Dynamic segments over the criteria registry, static lists, overlaps and size history. */
export const segmentsModule: ModuleDefinition = {
  name: 'segments',
  jobs: [snapshotSizesJob],
  routes(app, context) {
    const segments = createSegmentsService(context);
    const lists = createListsService(context);
    registerSegmentsRoutes(app, { segments, lists });
    registerListsRoutes(app, lists);
  },
};
