import { z } from 'zod';
import { defineJob } from '../../platform/jobs.ts';
import type { RequestScope } from '../../platform/scope.ts';
import { type ContactsContext, createContactsServices } from './contacts.services.ts';

/** Deletes for good the people and organisations in the trash for more than 30 days. */
export async function purgeExpiredTrash(context: ContactsContext, scope: RequestScope) {
  const services = createContactsServices(context);
  const people = await services.peopleTrash.purgeExpiredPeople(scope);
  const organisations = await services.organisations.purgeExpiredOrganisations(scope);
  return { people, organisations };
}

/**
 * `contacts.purge-trash`: idempotent, safe to run any time. It runs at every start (module
 * bootstrap) and can be enqueued; a daily pg-boss schedule needs the job runner to accept
 * scheduled messages (see the module's documentation).
 */
export const purgeTrashJob = defineJob({
  type: 'contacts.purge-trash',
  version: 1,
  payload: z.object({}),
  run: (job) => purgeExpiredTrash({ database: job.database, logger: job.logger }, job.scope),
});
