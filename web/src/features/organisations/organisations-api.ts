import type {
  CreateOrganisationInput,
  Organisation,
  OrganisationType,
  UpdateOrganisationInput,
} from '@parterre/contract/organisations';
import { apiRequest, apiRequestWithMeta } from '../../app/api-client';
import { recordPath, withETagVersion } from '../contact-record/contact-record-api';

export type { CreateOrganisationInput, Organisation, OrganisationType, UpdateOrganisationInput };

export const organisationTypes: OrganisationType[] = [
  'entreprise',
  'fondation',
  'association',
  'etablissement_scolaire',
  'collectivite',
  'media',
  'autre',
];

export async function getOrganisation(id: string): Promise<Organisation> {
  const { data, etag } = await apiRequestWithMeta<Organisation>(
    'GET',
    recordPath({ kind: 'organisation', id }),
  );
  return withETagVersion(data, etag);
}

export function createOrganisation(input: CreateOrganisationInput): Promise<Organisation> {
  return apiRequest('POST', '/organisations', { body: input });
}

export function updateOrganisation(
  id: string,
  version: number,
  patch: UpdateOrganisationInput,
): Promise<Organisation> {
  return apiRequest('PATCH', recordPath({ kind: 'organisation', id }), { body: patch, ifMatch: version });
}

export async function deleteOrganisation(id: string, permanent = false): Promise<void> {
  await apiRequest('DELETE', recordPath({ kind: 'organisation', id }), {
    query: { permanent: permanent || undefined },
  });
}
