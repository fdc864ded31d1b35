import type {
  ConsentChannel,
  ConsentEvent,
  ConsentSourceKind,
  ConsentState,
  ConsentStatus,
  ContactConsents,
  CreatePurposeInput,
  LegalBasis,
  LocalisedText,
  Purpose,
  PurposeDetail,
  PurposeList,
  PurposeWording,
  RecordConsentInput,
  RecordConsentsResult,
  UpdatePurposeInput,
} from '@parterre/contract/consent';
import { apiRequest } from '../../app/api-client';

export type {
  ConsentChannel,
  ConsentEvent,
  ConsentSourceKind,
  ConsentState,
  ConsentStatus,
  ContactConsents,
  CreatePurposeInput,
  LegalBasis,
  LocalisedText,
  Purpose,
  PurposeDetail,
  PurposeWording,
  RecordConsentInput,
  UpdatePurposeInput,
};

export const legalBases: LegalBasis[] = [
  'consent',
  'contract',
  'legal_obligation',
  'legitimate_interest',
  'public_task',
  'vital_interests',
];
export const consentChannels: ConsentChannel[] = ['email', 'sms', 'post', 'phone'];

/** Every purpose of the tenant, by name; archived ones only when asked. */
export async function listPurposes(includeArchived: boolean): Promise<Purpose[]> {
  const { data } = await apiRequest<PurposeList>('GET', '/purposes', {
    query: { includeArchived: includeArchived ? 'true' : undefined },
  });
  return data;
}

/** A purpose with all its wording versions, newest first. */
export function getPurpose(id: string): Promise<PurposeDetail> {
  return apiRequest('GET', `/purposes/${encodeURIComponent(id)}`);
}

export function createPurpose(input: CreatePurposeInput): Promise<PurposeDetail> {
  return apiRequest('POST', '/purposes', { body: input });
}

export function updatePurpose(
  id: string,
  version: number,
  patch: UpdatePurposeInput,
): Promise<PurposeDetail> {
  return apiRequest('PATCH', `/purposes/${encodeURIComponent(id)}`, { body: patch, ifMatch: version });
}

/** A person's current states and full history with proofs, newest first. */
export function getContactConsents(personId: string): Promise<ContactConsents> {
  return apiRequest('GET', `/contacts/${encodeURIComponent(personId)}/consents`);
}

export function recordConsent(personId: string, input: RecordConsentInput): Promise<RecordConsentsResult> {
  return apiRequest('POST', `/contacts/${encodeURIComponent(personId)}/consents`, { body: input });
}
