import type { ModuleDefinition } from '../../platform/module.ts';
import { systemScope } from '../../platform/scope.ts';
import './contacts.errors.ts';
import './contacts.permissions.ts';
import { purgeExpiredTrash, purgeTrashJob } from './contacts.jobs.ts';
import { createContactsServices } from './contacts.services.ts';
import { contactListJobs, registerContactListRoutes } from './contacts-list.routes.ts';
import { registerCustomFieldsRoutes } from './custom-fields.routes.ts';
import { registerNotesRoutes } from './notes.routes.ts';
import { registerOrganisationsRoutes } from './organisations.routes.ts';
import { registerPeopleRoutes } from './people.routes.ts';
import { registerRelationshipsRoutes } from './relationships.routes.ts';
import { registerVCardRoutes } from './vcard.routes.ts';

/** People, organisations, relationships, custom fields, notes, vCard, and (lists side) search and lists. */
export const contactsModule: ModuleDefinition = {
  name: 'contacts',
  jobs: [purgeTrashJob, ...contactListJobs],
  routes(app, context) {
    // Records: people, organisations, relationships, custom fields, notes, vCard.
    const services = createContactsServices(context);
    registerPeopleRoutes(app, services);
    registerVCardRoutes(app, services.vcards);
    registerOrganisationsRoutes(app, services.organisations);
    registerRelationshipsRoutes(app, services.relationships);
    registerCustomFieldsRoutes(app, services.customFields);
    registerNotesRoutes(app, services.notes);
    // Lists: list, search, saved views, bulk actions, exports, timeline (contacts-list.routes.ts).
    registerContactListRoutes(app, context);
  },
  /** Catches up on the trash purge at every start (cheap when there is nothing to purge). */
  async bootstrap(context, tenantId) {
    await purgeExpiredTrash(context, systemScope(tenantId, 'corbeille des contacts'));
  },
};
