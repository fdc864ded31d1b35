import type {
  ConsentChannel,
  CreatePurposeInput,
  LegalBasis,
  Purpose,
  UpdatePurposeInput,
} from './consent-api';

/** The form mirrors the contract's shape, so that schema issues land under their inputs as is. */
export interface PurposeFormValues {
  code: string;
  name: { fr: string; en: string };
  description: { fr: string; en: string };
  legalBasis: LegalBasis;
  channels: ConsentChannel[];
  retention: { text: string; months: number | string };
  trackingAllowed: boolean;
  wording: { fr: string; en: string };
}

export const emptyPurposeValues: PurposeFormValues = {
  code: '',
  name: { fr: '', en: '' },
  description: { fr: '', en: '' },
  legalBasis: 'consent',
  channels: ['email'],
  retention: { text: '', months: '' },
  trackingAllowed: false,
  wording: { fr: '', en: '' },
};

export function purposeValues(purpose: Purpose): PurposeFormValues {
  return {
    code: purpose.code,
    name: { fr: purpose.name.fr, en: purpose.name.en ?? '' },
    description: { fr: purpose.description?.fr ?? '', en: purpose.description?.en ?? '' },
    legalBasis: purpose.legalBasis,
    channels: [...purpose.channels],
    retention: { text: purpose.retention.text, months: purpose.retention.months ?? '' },
    trackingAllowed: purpose.trackingAllowed,
    wording: { fr: purpose.currentWording.text.fr, en: purpose.currentWording.text.en ?? '' },
  };
}

const optional = (value: string) => (value.trim() ? value : null);

function months(value: number | string): number | null {
  if (value === '' || value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** "Lettre d'information" → "lettre-d-information": a valid code proposed from the name. */
export function codeFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

/** Everything but the code, as sent to update; an empty description or English text is none. */
export function toUpdateInput(values: PurposeFormValues): Required<Omit<UpdatePurposeInput, 'archived'>> {
  return {
    name: { fr: values.name.fr, en: optional(values.name.en) },
    description:
      values.description.fr.trim() || values.description.en.trim()
        ? { fr: values.description.fr, en: optional(values.description.en) }
        : null,
    legalBasis: values.legalBasis,
    channels: values.channels,
    retention: { text: values.retention.text, months: months(values.retention.months) },
    trackingAllowed: values.trackingAllowed,
    wording: { fr: values.wording.fr, en: optional(values.wording.en) },
  };
}

export function toCreateInput(values: PurposeFormValues): CreatePurposeInput {
  return { code: values.code, ...toUpdateInput(values) } as CreatePurposeInput;
}
