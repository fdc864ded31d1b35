import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CreatePersonInput } from '@parterre/contract/contacts';
import type { CreateOrganisationInput, OrganisationType } from '@parterre/contract/organisations';
import { normalisePhone, stripAccents } from './contact-normalisation.ts';
import {
  CHANNELS,
  COMPANIES,
  DOMAINS,
  LAST_NAMES,
  MEN,
  ROLES,
  SCHOOLS,
  STREETS,
  TAGS,
  WOMEN,
} from './demo-vocabulary.ts';

/**
 * Realistic, deterministic French contacts for demonstrations, tests and benchmarks: the same seed
 * always gives the same people. Communes are drawn from the official list weighted by population,
 * so the geography looks like a real audience (many Parisians and Lyonnais, few villagers each).
 */

/** mulberry32: tiny, fast, good enough for test data, and reproducible across platforms. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Commune = { name: string; postalCode: string; population: number };

let communes: { list: Commune[]; cumulative: number[] } | undefined;

function loadCommunes() {
  if (communes) return communes;
  const require = createRequire(import.meta.url);
  const raw = JSON.parse(
    readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
  ) as { nom: string; type: string; codesPostaux?: string[]; population?: number }[];
  const list: Commune[] = [];
  for (const c of raw) {
    if (c.type !== 'commune-actuelle' || !c.codesPostaux?.length || !c.population) continue;
    // Big cities span several postal codes: share the population between them.
    const share = c.population / c.codesPostaux.length;
    for (const postalCode of c.codesPostaux) list.push({ name: c.nom, postalCode, population: share });
  }
  let total = 0;
  const cumulative = list.map((c) => (total += c.population));
  communes = { list, cumulative };
  return communes;
}

export type DemoDataset = {
  people: CreatePersonInput[];
  organisations: CreateOrganisationInput[];
  /** Person index → organisation index, with a job title. */
  employments: { person: number; organisation: number; role: string }[];
  /** Pairs of person indexes living together. */
  households: [number, number][];
};

const slug = (text: string, max = 60) =>
  stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
const MOBILE_PREFIXES = ['061', '062', '063', '064', '065', '066', '067', '068', '075', '076', '077', '078'];
const LANDLINE_PREFIXES = ['014', '015', '023', '024', '032', '038', '044', '047', '049', '055', '056'];

/** A deterministic generator; `person(i)` and `organisation(i)` can also be used one by one (bench). */
export function createDemoGenerator(seed = 1) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  /** Random numbers in a prefix until one is allocated in the French plan (few tries needed). */
  const phone = (prefixes: string[]) => {
    for (;;) {
      const prefix = pick(prefixes);
      const number = `${prefix}${digits(10 - prefix.length)}`;
      if (normalisePhone(number).ok) return number;
    }
  };

  function commune(): Commune {
    const { list, cumulative } = loadCommunes();
    const target = random() * cumulative[cumulative.length - 1];
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return list[low];
  }

  function address() {
    const place = commune();
    return {
      line1: `${1 + Math.floor(random() * 120)} ${pick(STREETS)}`,
      postalCode: place.postalCode,
      city: place.name,
    };
  }

  /** `index` makes the email unique, so that a large dataset holds no accidental duplicates. */
  function person(index: number): CreatePersonInput {
    const woman = random() < 0.55;
    const firstName = pick(woman ? WOMEN : MEN);
    const lastName = pick(LAST_NAMES);
    const year = 1940 + Math.floor(random() * 66);
    const birthDate = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const tags = TAGS.filter(() => random() < 0.12);
    return {
      civility: woman ? 'Mme' : 'M.',
      firstName,
      lastName,
      birthDate: random() < 0.7 ? birthDate : null,
      language: random() < 0.95 ? 'fr' : 'en',
      preferredChannel: random() < 0.7 ? pick(CHANNELS) : null,
      source: 'démo',
      emails: [{ address: `${slug(firstName)}.${slug(lastName)}.${index}@${pick(DOMAINS)}`, type: 'home' }],
      phones: random() < 0.8 ? [{ number: phone(MOBILE_PREFIXES), type: 'mobile' }] : [],
      addresses: random() < 0.85 ? [{ type: 'home', ...address() }] : [],
      tags,
    };
  }

  function organisation(index: number): CreateOrganisationInput & { type: OrganisationType } {
    const place = commune();
    const kind = index % 5;
    const [name, type]: [string, OrganisationType] =
      kind === 0
        ? [
            `${pick(['Théâtre municipal', 'Scène nationale', 'Opéra', 'Théâtre de la Ville'])} de ${place.name}`,
            'autre',
          ]
        : kind === 1
          ? [pick(COMPANIES), 'entreprise']
          : kind === 2
            ? [`${pick(SCHOOLS)} de ${place.name}`, 'etablissement_scolaire']
            : kind === 3
              ? [`Mairie de ${place.name}`, 'collectivite']
              : [
                  pick(['Fondation', 'Association des Amis du', 'Cercle']) +
                    ` ${pick(['Arts vivants', 'Patrimoine', 'Musique'])}`,
                  random() < 0.5 ? 'fondation' : 'association',
                ];
    return {
      name: `${name}${index >= 25 ? ` ${Math.floor(index / 25) + 1}` : ''}`,
      type,
      website: `https://www.${slug(name, 40)}.fr`,
      emails: [{ address: `contact@${slug(name, 40)}.fr`, type: 'work' }],
      phones: [{ number: phone(LANDLINE_PREFIXES), type: 'work' }],
      addresses: [
        {
          type: 'work',
          line1: `${1 + Math.floor(random() * 80)} ${pick(STREETS)}`,
          postalCode: place.postalCode,
          city: place.name,
        },
      ],
      tags: type === 'entreprise' ? ['mécène'] : type === 'autre' ? ['partenaire'] : [],
    };
  }

  /** People, some organisations (one per 20 people, at least 5), employment links and households. */
  function dataset(count: number): DemoDataset {
    const people = Array.from({ length: count }, (_, i) => person(i));
    const organisations = Array.from({ length: Math.max(5, Math.floor(count / 20)) }, (_, i) =>
      organisation(i),
    );
    const employments: DemoDataset['employments'] = [];
    const households: DemoDataset['households'] = [];
    for (let i = 0; i < count; i++) {
      if (random() < 0.15) {
        const target = Math.floor(random() * organisations.length);
        const type = organisations[target].type ?? 'autre';
        employments.push({ person: i, organisation: target, role: pick(ROLES[type]) });
      }
      // About one person in ten shares a home (and usually a name) with the next one.
      if (i + 1 < count && random() < 0.1) {
        const partner = people[i + 1];
        if (random() < 0.7) partner.lastName = people[i].lastName;
        partner.addresses = people[i].addresses;
        households.push([i, i + 1]);
        i += 1;
      }
    }
    return { people, organisations, employments, households };
  }

  return { person, organisation, dataset };
}
