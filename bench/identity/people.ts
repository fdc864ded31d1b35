import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { departement } from '../../server/src/modules/identity/compare-fields.ts';
import { foldText } from '../../server/src/modules/identity/fold-text.ts';
import {
  EMAIL_PROVIDERS,
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  STREET_NAMES,
  STREET_TYPES,
  SURNAME_INFIXES,
  SURNAME_LINKS,
  SURNAME_MIDDLES,
  SURNAME_ROOTS,
  SURNAME_SUFFIXES,
  SURNAMES,
} from './french-names.ts';
import { type Random, WeightedPicker } from './random.ts';

/** A real person of the generated population; records are renderings of people. */
export type Person = {
  id: number;
  female: boolean;
  first: string;
  last: string;
  usage?: string;
  birthDate?: string;
  email?: string;
  phone?: string;
  address?: Address;
};

export type Address = {
  number: string;
  /** Index in STREET_TYPES. */
  type: number;
  street: string;
  postalCode: string;
  city: string;
  /** Only the postal code and city are known (ticketing forms ask for nothing more). */
  postalCodeOnly: boolean;
};

type Place = { city: string; postalCode: string };

/** Share of people bearing one of the listed (frequent) surnames. */
export const COMMON_SURNAME_SHARE = 0.35;

/** Everything drawn from frequency lists, built once per dataset. */
export class PopulationModel {
  private readonly maleFirst = WeightedPicker.zipf(MALE_FIRST_NAMES, 5);
  private readonly femaleFirst = WeightedPicker.zipf(FEMALE_FIRST_NAMES, 5);
  private readonly surnames = WeightedPicker.zipf(SURNAMES, 20);
  private readonly commonSurnames = new Set(SURNAMES);
  private readonly streetTypes = new WeightedPicker(
    STREET_TYPES.map((_, i) => i),
    STREET_TYPES.map(([, , weight]) => weight),
  );
  private readonly streets = WeightedPicker.zipf(STREET_NAMES, 10);
  private readonly providers = new WeightedPicker(
    EMAIL_PROVIDERS.map(([domain]) => domain),
    EMAIL_PROVIDERS.map(([, weight]) => weight),
  );
  private readonly national: WeightedPicker<Place>;
  private readonly region: WeightedPicker<Place>;
  private readonly byDepartement = new Map<string, WeightedPicker<Place>>();
  private readonly emails = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly random: Random) {
    const [national, regional] = loadPlaces();
    this.national = new WeightedPicker(national.places, national.weights);
    this.region = new WeightedPicker(regional.places, regional.weights);
    const departements = new Map<string, { places: Place[]; weights: number[] }>();
    national.places.forEach((place, i) => {
      const key = departement(place.postalCode);
      const entry = departements.get(key) ?? { places: [], weights: [] };
      entry.places.push(place);
      entry.weights.push(national.weights[i]);
      departements.set(key, entry);
    });
    for (const [key, { places, weights }] of departements)
      this.byDepartement.set(key, new WeightedPicker(places, weights));
  }

  firstName(female: boolean): string {
    return (female ? this.femaleFirst : this.maleFirst).pick(this.random);
  }

  /** A third of people bear a listed surname, the others a rare one from the generated tail. */
  surname(): string {
    const r = this.random;
    if (r.chance(COMMON_SURNAME_SHARE)) return this.surnames.pick(r);
    // 3.2 million combinations: as in France (1.3 million surnames), most surnames of a base are
    // borne by one or two people, even at a million people.
    const infix = r.chance(0.5) ? '' : r.pick(SURNAME_INFIXES);
    const root = r.pick(SURNAME_ROOTS) + infix;
    const name = root + r.pick(SURNAME_LINKS) + r.pick(SURNAME_MIDDLES) + r.pick(SURNAME_SUFFIXES);
    if (r.chance(0.03)) return `${name}-${this.surnames.pick(r)}`;
    return r.chance(0.04) ? `Le ${name}` : name;
  }

  isCommonSurname(name: string): boolean {
    return this.commonSurnames.has(name);
  }

  birthDate(minYear = 1935, maxYear = 2007): string {
    const r = this.random;
    const month = r.int(1, 12);
    const day = r.int(1, month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31);
    return `${r.int(minYear, maxYear)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  /** Half the public lives in the institution's region (Île-de-France), half anywhere in France. */
  address(postalCodeOnly: boolean): Address {
    const r = this.random;
    const place = (r.chance(0.5) ? this.region : this.national).pick(r);
    const number = String(r.int(1, r.chance(0.8) ? 60 : 250)) + (r.chance(0.04) ? ' bis' : '');
    return { number, type: this.streetTypes.pick(r), street: this.streets.pick(r), ...place, postalCodeOnly };
  }

  /** An address nobody else has yet, in another postal code than `not`. */
  otherAddress(not: string | undefined, postalCodeOnly = false): Address {
    for (;;) {
      const address = this.address(postalCodeOnly);
      if (address.postalCode !== not) return address;
    }
  }

  /** After a move: two thirds of French moves stay within the département (INSEE). */
  movedAddress(from: Address): Address {
    const local = this.byDepartement.get(departement(from.postalCode));
    if (local && this.random.chance(2 / 3)) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const place = local.pick(this.random);
        if (place.postalCode !== from.postalCode)
          return { ...this.otherAddress(undefined, from.postalCodeOnly), ...place };
      }
    }
    return this.otherAddress(from.postalCode, from.postalCodeOnly);
  }

  /** A personal address built from the name, unique in the dataset, like providers enforce. */
  email(first: string, last: string, birthDate?: string): string {
    const r = this.random;
    const f = foldText(first).replace(/ /g, r.chance(0.5) ? '' : '-');
    const l = foldText(last).replace(/ /g, '');
    const year = birthDate ? birthDate.slice(2, 4) : String(r.int(10, 99));
    const patterns = [`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}.${l}${year}`, `${l}.${f}`, `${f}_${l}`];
    const local = patterns[Math.min(patterns.length - 1, Math.floor(r.next() ** 1.5 * patterns.length))];
    return this.unique(local, this.providers.pick(r));
  }

  /** Unique as the provider sees it: Gmail ignores dots, so "jeandupont" is "jean.dupont" there. */
  unique(local: string, domain: string): string {
    const mailbox = (candidate: string) =>
      domain === 'gmail.com' ? candidate.replace(/\./g, '') : candidate;
    let candidate = local;
    while (this.emails.has(`${mailbox(candidate)}@${domain}`))
      candidate = `${local}${this.random.int(1, 9999)}`;
    this.emails.add(`${mailbox(candidate)}@${domain}`);
    return `${candidate}@${domain}`;
  }

  provider(): string {
    return this.providers.pick(this.random);
  }

  /** Mobile numbers mostly, some landlines; E.164, unique. */
  phone(): string {
    for (;;) {
      const prefix = this.random.chance(0.75) ? this.random.pick(['6', '7']) : String(this.random.int(1, 5));
      const phone = `+33${prefix}${String(this.random.int(0, 99_999_999)).padStart(8, '0')}`;
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }
}

type RawCommune = {
  code: string;
  nom: string;
  type: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
};

/** Communes and municipal arrondissements by population (Paris, Lyon and Marseille by arrondissement). */
function loadPlaces(): [{ places: Place[]; weights: number[] }, { places: Place[]; weights: number[] }] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  const communes = JSON.parse(readFileSync(file, 'utf8')) as RawCommune[];
  const cities = new Set(['75056', '69123', '13055']);
  const national = { places: [] as Place[], weights: [] as number[] };
  const regional = { places: [] as Place[], weights: [] as number[] };
  for (const commune of communes) {
    const addressable =
      (commune.type === 'commune-actuelle' && !cities.has(commune.code)) ||
      commune.type === 'arrondissement-municipal';
    if (!addressable || !commune.codesPostaux?.length || !commune.population) continue;
    const city = commune.nom.replace(/ \d+(er|e) Arrondissement$/, '');
    // Several postal codes: the population is shared among them.
    for (const postalCode of commune.codesPostaux) {
      const weight = commune.population / commune.codesPostaux.length;
      national.places.push({ city, postalCode });
      national.weights.push(weight);
      if (commune.region === '11') {
        regional.places.push({ city, postalCode });
        regional.weights.push(weight);
      }
    }
  }
  return [national, regional];
}

/** Renders an address line the way a careful operator types it: "12 bis rue de la République". */
export function addressLine(address: Address, abbreviate: boolean, random: Random): string {
  const [type, abbreviations] = STREET_TYPES[address.type];
  const shown = abbreviate ? random.pick(abbreviations) : type;
  return `${address.number} ${shown} ${address.street}`;
}
