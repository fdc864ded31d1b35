import type { ModuleDefinition } from '../../platform/module.ts';
import './identity.errors.ts';
import './identity.permissions.ts';
import { createContactsServices } from '../contacts/contacts.services.ts';
import { createDuplicatesService } from './duplicates.service.ts';
import { registerDuplicatesRoutes } from './identity.routes.ts';
import { registerMergeRoutes } from './merge.routes.ts';
import { createMergeService } from './merge.service.ts';
import { checkPeopleJob, registerPeopleCheckRunner } from './people-check.jobs.ts';
import { createRulesService } from './rules.service.ts';
import { scanJob } from './scan.jobs.ts';

/** Identity resolution: duplicate scan and incremental checks, review queue, merge and unmerge. */
export const identityModule: ModuleDefinition = {
  name: 'identity',
  jobs: [scanJob, checkPeopleJob],
  routes(app, context) {
    const contacts = createContactsServices(context);
    registerDuplicatesRoutes(app, {
      duplicates: createDuplicatesService(context, { contacts }),
      rules: createRulesService(context),
    });
    registerMergeRoutes(app, createMergeService(context, { contacts }));
  },
  /** Lets jobs of this runtime (the import) queue people checks; runs in serve and worker alike. */
  async bootstrap(context) {
    registerPeopleCheckRunner(context);
  },
};
