import type {
  AddressInput,
  addressTypeSchema,
  EmailInput,
  emailTypeSchema,
  PhoneInput,
  phoneTypeSchema,
  validitySchema,
} from '@parterre/contract/contacts';
import type { z } from 'zod';
import { lookupFrenchPostalCode, normaliseEmail, normalisePhone } from './contact-normalisation.ts';
import type { FieldErrors } from './contacts.errors.ts';
import { countryCode, countryFromText, UNKNOWN_COUNTRY } from './countries.ts';

type Validity = z.infer<typeof validitySchema>;

export type EmailWrite = {
  address: string;
  type: z.infer<typeof emailTypeSchema>;
  isPrimary: boolean;
  validity: Validity;
  position: number;
};
export type PhoneWrite = {
  e164: string;
  type: z.infer<typeof phoneTypeSchema>;
  isPrimary: boolean;
  validity: Validity;
  position: number;
};
export type AddressWrite = {
  type: z.infer<typeof addressTypeSchema>;
  isPrimary: boolean;
  validity: Validity;
  line1: string | null;
  line2: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  country: string;
  inseeCode: string | null;
  departementCode: string | null;
  regionCode: string | null;
  position: number;
};
/** A list left undefined is not touched on update. */
export type CoordinatesWrite = { emails?: EmailWrite[]; phones?: PhoneWrite[]; addresses?: AddressWrite[] };

/**
 * `strict` (API forms): a faulty value is a field error. `lenient` (imports): it is kept, flagged
 * `invalid`, so that nothing the source held is lost and the data-quality report can list it.
 */
export type CoordinatesContext = {
  errors: FieldErrors;
  /** e.g. `body.emails`; items add `.<index>.<field>`. */
  path: string;
  lenient?: boolean;
  /** Region tried for numbers written without a country code; FR by default. */
  phoneRegion?: string;
};

/** Exactly one primary per list: the first flagged one, else the first. */
function withPrimary<T extends { isPrimary: boolean }>(items: T[], flagged: boolean[]): T[] {
  const chosen = Math.max(flagged.indexOf(true), 0);
  return items.map((item, index) => ({ ...item, isPrimary: index === chosen, position: index }));
}

export function normaliseEmails(inputs: EmailInput[], ctx: CoordinatesContext): EmailWrite[] {
  const seen = new Set<string>();
  const items: EmailWrite[] = [];
  const flagged: boolean[] = [];
  inputs.forEach((input, index) => {
    const path = `${ctx.path}.${index}.address`;
    const result = normaliseEmail(input.address);
    let address: string;
    let validity: Validity = 'valid';
    if (result.ok) address = result.value;
    else if (ctx.lenient && input.address.trim()) {
      address = input.address.trim().toLowerCase();
      validity = 'invalid';
    } else {
      if (!ctx.lenient) ctx.errors.add(path, result.code);
      return;
    }
    if (seen.has(address)) {
      if (!ctx.lenient) ctx.errors.add(path, 'contacts.duplicate_email');
      return;
    }
    seen.add(address);
    items.push({ address, type: input.type ?? 'other', isPrimary: false, validity, position: 0 });
    flagged.push(input.primary === true);
  });
  return withPrimary(items, flagged);
}

export function normalisePhones(inputs: PhoneInput[], ctx: CoordinatesContext): PhoneWrite[] {
  const seen = new Set<string>();
  const items: PhoneWrite[] = [];
  const flagged: boolean[] = [];
  inputs.forEach((input, index) => {
    const result = normalisePhone(input.number, ctx.phoneRegion ?? 'FR');
    let e164: string;
    let validity: Validity = 'valid';
    let type = input.type;
    if (result.ok) {
      e164 = result.e164;
      type ??= result.type === 'mobile' ? 'mobile' : 'other';
    } else if (ctx.lenient && input.number.trim()) {
      e164 = input.number.trim();
      validity = 'invalid';
    } else {
      if (!ctx.lenient) ctx.errors.add(`${ctx.path}.${index}.number`, result.code);
      return;
    }
    if (seen.has(e164)) return;
    seen.add(e164);
    items.push({ e164, type: type ?? 'other', isPrimary: false, validity, position: 0 });
    flagged.push(input.primary === true);
  });
  return withPrimary(items, flagged);
}

const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export function normaliseAddresses(inputs: AddressInput[], ctx: CoordinatesContext): AddressWrite[] {
  const items: AddressWrite[] = [];
  const flagged: boolean[] = [];
  inputs.forEach((input, index) => {
    const path = `${ctx.path}.${index}`;
    const address: AddressWrite = {
      type: input.type ?? 'home',
      isPrimary: false,
      validity: 'valid',
      line1: blank(input.line1),
      line2: blank(input.line2),
      postalCode: blank(input.postalCode),
      city: blank(input.city),
      region: blank(input.region),
      country: 'FR',
      inseeCode: null,
      departementCode: null,
      regionCode: null,
      position: 0,
    };
    if (!address.line1 && !address.line2 && !address.postalCode && !address.city) return;
    const givenCountry = blank(input.country);
    if (givenCountry) {
      const code = ctx.lenient ? countryFromText(givenCountry) : countryCode(givenCountry);
      if (code) address.country = code;
      else if (ctx.lenient) {
        address.country = UNKNOWN_COUNTRY;
        address.validity = 'unknown';
      } else {
        ctx.errors.add(`${path}.country`, 'contacts.invalid_country');
        return;
      }
    }
    // Foreign postal codes follow rules we do not know: only French ones are checked.
    if (address.country === 'FR' && address.postalCode) {
      const found = lookupFrenchPostalCode(address.postalCode, address.city ?? undefined);
      if (found.ok) {
        const commune = found.best ?? found.communes[0];
        address.postalCode = address.postalCode.replace(/\s+/g, '').padStart(5, '0');
        address.city ??= found.best?.name ?? null;
        address.inseeCode = found.best?.inseeCode ?? null;
        address.departementCode = commune.departementCode || null;
        address.regionCode = commune.regionCode || null;
      } else if (ctx.lenient) address.validity = 'invalid';
      else {
        ctx.errors.add(`${path}.postalCode`, found.code);
        return;
      }
    }
    items.push(address);
    flagged.push(input.primary === true);
  });
  return withPrimary(items, flagged);
}

/** Normalises whichever lists are given; the others stay undefined (left unchanged on update). */
export function normaliseCoordinates(
  input: { emails?: EmailInput[]; phones?: PhoneInput[]; addresses?: AddressInput[] },
  ctx: Omit<CoordinatesContext, 'path'> & { basePath: string },
): CoordinatesWrite {
  const context = (list: string) => ({ ...ctx, path: `${ctx.basePath}.${list}` });
  return {
    ...(input.emails ? { emails: normaliseEmails(input.emails, context('emails')) } : {}),
    ...(input.phones ? { phones: normalisePhones(input.phones, context('phones')) } : {}),
    ...(input.addresses ? { addresses: normaliseAddresses(input.addresses, context('addresses')) } : {}),
  };
}
