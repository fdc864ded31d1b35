import type { CustomField } from '@parterre/contract/custom-fields';
import type { CreateOrganisationInput, UpdateOrganisationInput } from '@parterre/contract/organisations';
import { normaliseSiren, normaliseSiret } from './contact-normalisation.ts';
import type { FieldErrors } from './contacts.errors.ts';
import { type CoordinatesWrite, normaliseCoordinates } from './coordinates.validation.ts';
import { validateCustomFieldValues } from './custom-field-values.ts';
import type { OrganisationColumns } from './organisations.repository.ts';
import { cleanTags, mergeExternalIds } from './person-input.ts';

export type OrganisationWrite = { columns: Partial<OrganisationColumns>; coordinates: CoordinatesWrite };

const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** `https://` is assumed when the scheme is missing ("www.theatre.fr"). */
function normaliseWebsite(raw: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.'))
      return undefined;
    return url.toString();
  } catch {
    return undefined;
  }
}

/** Normalises an organisation write in memory; SIRET must start with the SIREN when both are known. */
export function prepareOrganisation(
  input: CreateOrganisationInput | UpdateOrganisationInput,
  options: {
    definitions: CustomField[];
    errors: FieldErrors;
    isCreate: boolean;
    existing?: Pick<OrganisationColumns, 'siren' | 'siret' | 'customFields' | 'externalIds'>;
  },
): OrganisationWrite {
  const { errors, isCreate } = options;
  const columns: Partial<OrganisationColumns> = {};
  if (input.name !== undefined) columns.name = input.name.trim();
  if (input.type !== undefined || isCreate) columns.type = input.type ?? 'autre';
  if (input.departmentId !== undefined || isCreate) columns.departmentId = input.departmentId ?? null;
  if (input.siren !== undefined || isCreate) {
    const raw = blank(input.siren);
    const result = raw ? normaliseSiren(raw) : undefined;
    if (result && !result.ok) errors.add('body.siren', result.code);
    columns.siren = result?.ok ? result.value : null;
  }
  if (input.siret !== undefined || isCreate) {
    const raw = blank(input.siret);
    const result = raw ? normaliseSiret(raw) : undefined;
    if (result && !result.ok) errors.add('body.siret', result.code);
    columns.siret = result?.ok ? result.value : null;
  }
  const siren = columns.siren !== undefined ? columns.siren : (options.existing?.siren ?? null);
  const siret = columns.siret !== undefined ? columns.siret : (options.existing?.siret ?? null);
  if (siren && siret && !siret.startsWith(siren)) errors.add('body.siret', 'organisations.siret_mismatch');
  if (input.website !== undefined || isCreate) {
    const raw = blank(input.website);
    const website = raw ? normaliseWebsite(raw) : null;
    if (raw && !website) errors.add('body.website', 'organisations.invalid_website');
    columns.website = website ?? null;
  }
  if (input.tags !== undefined || isCreate) columns.tags = cleanTags(input.tags ?? []);
  if (input.externalIds !== undefined || isCreate) {
    columns.externalIds = mergeExternalIds(options.existing?.externalIds ?? {}, input.externalIds);
  }
  const customFields = validateCustomFieldValues(options.definitions, input.customFields, {
    errors,
    path: 'body.customFields',
    isCreate,
    existing: options.existing?.customFields,
  });
  if (customFields) columns.customFields = customFields;
  const coordinates = normaliseCoordinates(
    isCreate
      ? { emails: input.emails ?? [], phones: input.phones ?? [], addresses: input.addresses ?? [] }
      : input,
    { errors, basePath: 'body' },
  );
  return { columns, coordinates };
}
