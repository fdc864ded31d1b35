import type { AppContext } from '../../platform/context.ts';
import { createCustomFieldsService } from './custom-fields.service.ts';
import { createNotesService } from './notes.service.ts';
import { createOrganisationsService } from './organisations.service.ts';
import { createPeopleService } from './people.service.ts';
import { createPeopleBatchService } from './people-batch.service.ts';
import { createPeopleTrashService } from './people-trash.service.ts';
import { createRelationshipsService } from './relationships.service.ts';
import { createVCardService } from './vcard-import.service.ts';

/** What the contacts services need: the database and a logger (jobs and the CLI build them too). */
export type ContactsContext = Pick<AppContext, 'database' | 'logger'>;

/** Builds the services of the record side of the contacts module, wired together. */
export function createContactsServices(context: ContactsContext) {
  const customFields = createCustomFieldsService(context);
  const people = createPeopleService(context, { customFields });
  const organisations = createOrganisationsService(context, { customFields });
  const relationships = createRelationshipsService(context);
  return {
    customFields,
    people,
    peopleTrash: createPeopleTrashService(context, { people }),
    peopleBatch: createPeopleBatchService(context, { people }),
    organisations,
    relationships,
    notes: createNotesService(context),
    vcards: createVCardService(context, { people, organisations, relationships }),
  };
}

export type ContactsServices = ReturnType<typeof createContactsServices>;
