import type { MatchRecord } from '../../server/src/modules/identity/match-record.ts';
import { CORRUPTIONS, draftOf, render } from './corruptions.ts';
import { COMMON_SURNAME_SHARE, type Person, PopulationModel } from './people.ts';
import { Random } from './random.ts';

export type DatasetOptions = {
  /** Distinct people (households and homonyms included); duplicates come on top. */
  people: number;
  seed?: number;
  /** Share of people entered twice (a tenth of them three times). */
  duplicateRate?: number;
  /** Share of people who bring a second person of their household: same surname and address. */
  householdRate?: number;
  /**
   * Share of people who have a homonym: same first and last name, another birth date or city. Drawn
   * among bearers of common surnames: namesakes arise in proportion to a name's frequency.
   */
  homonymRate?: number;
};

export type Dataset = {
  records: MatchRecord[];
  /** Person behind each record: two records are a true pair when they share it. */
  personOf: Int32Array;
  /** Corruptions applied to each record; empty for a person's first record. */
  corruptions: string[][];
  /** 'household' or 'homonym' for the second person of such a hard negative, '' otherwise. */
  negativeKind: string[];
  /** For those, the first person of the hard negative; -1 otherwise. */
  relatedPerson: Int32Array;
};

/**
 * Field presence, by person: full postal address 75%, birth date 70%, email 80%, phone 60%.
 * Ticketing forms ask for a postal code alone (60% of people without a full address give one);
 * people who give neither mostly come through forms asking a birth date (reduced rates).
 */
const RATES = {
  address: 0.75,
  postalCodeOnly: 0.6,
  birthDateWithoutPostalCode: 0.85,
  birthDate: (0.7 - 0.1 * 0.85) / 0.9,
  email: 0.8,
  phone: 0.6,
  usageName: 0.12,
};

/**
 * Generates a French population with known duplicates, deterministically from the seed: the
 * same options always give the same records in the same order.
 */
export function generateDataset(options: DatasetOptions): Dataset {
  const random = new Random(options.seed ?? 42);
  const model = new PopulationModel(random);
  const duplicateRate = options.duplicateRate ?? 0.1;
  const householdRate = options.householdRate ?? 0.06;
  const homonymRate = options.homonymRate ?? 0.02;
  const people: Person[] = [];
  const negativeOf: string[] = [];
  const relatedOf: number[] = [];

  const newPerson = (female: boolean, first: string, last: string): Person => {
    const person: Person = { id: people.length, female, first, last };
    const full = random.chance(RATES.address);
    if (full || random.chance(RATES.postalCodeOnly)) person.address = model.address(!full);
    const birthRate = person.address ? RATES.birthDate : RATES.birthDateWithoutPostalCode;
    if (random.chance(birthRate)) person.birthDate = model.birthDate();
    if (random.chance(RATES.email)) person.email = model.email(first, last, person.birthDate);
    if (random.chance(RATES.phone)) person.phone = model.phone();
    if (female && random.chance(RATES.usageName)) person.usage = model.surname();
    people.push(person);
    return person;
  };

  while (people.length < options.people) {
    const female = random.chance(0.55);
    const person = newPerson(female, model.firstName(female), model.surname());
    negativeOf.push('');
    relatedOf.push(-1);
    if (
      person.address &&
      !person.address.postalCodeOnly &&
      random.chance(householdRate) &&
      people.length < options.people
    ) {
      addHouseholdMember(person);
    }
    const namesake = model.isCommonSurname(person.last) && random.chance(homonymRate / COMMON_SURNAME_SHARE);
    if (namesake && people.length < options.people) addHomonym(person);
  }

  /** A namesake told apart by a different birth date, or failing that by an address elsewhere. */
  function addHomonym(person: Person): void {
    const homonym = newPerson(person.female, person.first, person.last);
    if (person.birthDate && homonym.birthDate) {
      while (homonym.birthDate === person.birthDate) homonym.birthDate = model.birthDate();
    } else {
      person.address ??= model.address(false);
      homonym.address = model.otherAddress(person.address.postalCode, homonym.address?.postalCodeOnly);
    }
    negativeOf.push('homonym');
    relatedOf.push(person.id);
  }

  function addHouseholdMember(person: Person): void {
    const female = random.chance(0.85) ? !person.female : random.chance(0.5);
    let first = model.firstName(female);
    while (first === person.first) first = model.firstName(female);
    const surname = person.usage ?? person.last;
    const member = newPerson(female, first, surname);
    if (female && random.chance(0.3)) [member.last, member.usage] = [model.surname(), surname];
    member.address = person.address;
    if (person.email && random.chance(0.3)) member.email = person.email;
    if (person.phone && random.chance(0.25)) member.phone = person.phone;
    negativeOf.push('household');
    relatedOf.push(person.id);
  }

  const entries: { record: MatchRecord; person: number; corruptions: string[]; negative: string }[] = [];
  for (const person of people) {
    const negative = negativeOf[person.id];
    entries.push({
      record: render('', draftOf(person), random),
      person: person.id,
      corruptions: [],
      negative,
    });
    if (!random.chance(duplicateRate)) continue;
    const copies = random.chance(0.1) ? 2 : 1;
    for (let copy = 0; copy < copies; copy++) {
      const draft = draftOf(person);
      const applied: string[] = [];
      for (const [label, probability, apply] of CORRUPTIONS) {
        if (random.chance(probability) && apply(draft, person, { random, model })) applied.push(label);
      }
      entries.push({ record: render('', draft, random), person: person.id, corruptions: applied, negative });
    }
  }
  // Records arrive in no particular order in a real base.
  for (let i = entries.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  entries.forEach((entry, index) => {
    entry.record.id = `r${index}`;
  });
  return {
    records: entries.map((entry) => entry.record),
    personOf: Int32Array.from(entries, (entry) => entry.person),
    corruptions: entries.map((entry) => entry.corruptions),
    negativeKind: entries.map((entry) => entry.negative),
    relatedPerson: Int32Array.from(entries, (entry) => relatedOf[entry.person]),
  };
}

/** Removes emails and phones, to measure matching on names, birth dates and addresses alone. */
export function withoutContactFields(records: MatchRecord[]): MatchRecord[] {
  return records.map((record) => ({ ...record, emails: [], phones: [] }));
}
