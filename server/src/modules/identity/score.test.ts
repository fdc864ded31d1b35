import { matchingRuleSetSchema } from '@parterre/contract/identity';
import { describe, expect, it } from 'vitest';
import type { MatchReason } from './match-explanation.ts';
import { type MatchRecord, prepareRecord } from './match-record.ts';
import { defaultMatchingRules } from './matching-rules.ts';
import { applyNameFrequencies, type NameFrequencies } from './name-frequencies.ts';
import { matchDecision, matchScore, scorePair } from './score.ts';

let sequence = 0;
function person(fields: Partial<MatchRecord>) {
  return prepareRecord({ id: `p${++sequence}`, emails: [], phones: [], addresses: [], ...fields });
}

function reason(reasons: MatchReason[], field: MatchReason['field'], text: string): MatchReason {
  const found = reasons.find((r) => r.field === field && r.detail.includes(text));
  if (!found) throw new Error(`no ${field} reason with "${text}" in ${JSON.stringify(reasons, null, 2)}`);
  return found;
}

const review = defaultMatchingRules.reviewThreshold;
const home = { line1: '12 rue de la République', postalCode: '69002', city: 'Lyon' };

describe('scorePair', () => {
  it('matches a surname typo with the same birth date and says which names are close', () => {
    const { score, reasons } = scorePair(
      person({ firstName: 'Jean', lastName: 'Dupont', birthDate: '1970-05-12' }),
      person({ firstName: 'Jean', lastName: 'Dupnot', birthDate: '1970-05-12' }),
    );
    expect(score).toBeGreaterThan(0.95);
    expect(reason(reasons, 'name', 'Noms proches').outcome).toBe('partial');
    expect(reason(reasons, 'name', 'Noms proches').detail).toMatch(/Dupont \/ Dupnot, Jaro-Winkler 0,9\d/);
    expect(reason(reasons, 'name', 'Prénoms identiques').outcome).toBe('agree');
    expect(reason(reasons, 'birthDate', 'Même date de naissance').outcome).toBe('agree');
  });

  it('reads first and last names typed in each other’s field', () => {
    const { score, reasons } = scorePair(
      person({ firstName: 'Dupont', lastName: 'Jean', birthDate: '1970-05-12' }),
      person({ firstName: 'Jean', lastName: 'Dupont', birthDate: '1970-05-12' }),
    );
    expect(score).toBeGreaterThan(0.95);
    expect(reason(reasons, 'name', 'prénom et nom inversés').outcome).toBe('agree');
  });

  it('ignores accents, case and the hyphen of compound names', () => {
    const { score, reasons } = scorePair(
      person({ firstName: 'Jean-François', lastName: 'Lefèvre', addresses: [home] }),
      person({
        firstName: 'JEAN FRANCOIS',
        lastName: 'LEFEVRE',
        addresses: [{ ...home, line1: '12 r. République' }],
      }),
    );
    expect(score).toBeGreaterThanOrEqual(review);
    expect(reason(reasons, 'name', 'Prénoms identiques').outcome).toBe('agree');
    expect(reason(reasons, 'address', 'Même adresse').outcome).toBe('agree');
  });

  it('keeps a couple sharing an address and an email below review', () => {
    const shared = { lastName: 'Dupont', emails: ['famille.dupont@orange.fr'], addresses: [home] };
    const { score, reasons } = scorePair(
      person({ firstName: 'Michel', ...shared }),
      person({ firstName: 'Michèle', ...shared }),
    );
    expect(score).toBeLessThan(review);
    expect(reason(reasons, 'name', 'Prénoms masculin et féminin').outcome).toBe('disagree');
    const email = reason(reasons, 'email', 'Même e-mail famille.dupont@orange.fr');
    expect(email.detail).toContain('partagé avec un proche probable');
    expect(email.evidence).toBeLessThanOrEqual(2);
  });

  it('does not let a shared email alone match two different first names', () => {
    const { score, reasons } = scorePair(
      person({ firstName: 'Pierre', lastName: 'Martin', emails: ['p.martin@gmail.com'] }),
      person({ firstName: 'Sophie', lastName: 'Martin', emails: ['P.Martin@gmail.com'] }),
    );
    expect(score).toBeLessThan(review);
    expect(reason(reasons, 'name', 'Prénoms différents').outcome).toBe('disagree');
    expect(reason(reasons, 'email', 'Même e-mail pmartin@gmail.com').outcome).toBe('agree');
  });

  it('sends an exact email with nothing against it to review', () => {
    const score = matchScore(
      person({ firstName: 'Claire', lastName: 'Morel', emails: ['claire.morel@free.fr'] }),
      person({ emails: ['claire.morel+billetterie@free.fr'] }),
    );
    expect(score).toBeGreaterThanOrEqual(review);
  });

  it('keeps homonyms with different birth dates apart, even at one address', () => {
    const { score, reasons } = scorePair(
      person({ firstName: 'Jean', lastName: 'Dupont', birthDate: '1950-03-12', addresses: [home] }),
      person({ firstName: 'Jean', lastName: 'Dupont', birthDate: '1981-09-30', addresses: [home] }),
    );
    expect(score).toBeLessThan(0.3);
    const date = reason(reasons, 'birthDate', 'Dates de naissance différentes');
    expect(date.outcome).toBe('disagree');
    expect(date.evidence).toBeLessThan(-10);
  });

  it('tolerates a birth date with day and month swapped', () => {
    const { score, reasons } = scorePair(
      person({ firstName: 'Anne', lastName: 'Girard', birthDate: '1984-03-07' }),
      person({ firstName: 'Anne', lastName: 'Girard', birthDate: '1984-07-03' }),
    );
    expect(score).toBeGreaterThanOrEqual(review);
    expect(reason(reasons, 'birthDate', 'jour et mois inversés').outcome).toBe('partial');
  });

  it('finds a married woman under her usage name', () => {
    const { score, reasons } = scorePair(
      person({ firstName: 'Sylvie', lastName: 'Roux', usageName: 'Bernard', birthDate: '1962-11-02' }),
      person({ firstName: 'Sylvie', lastName: 'Bernard', birthDate: '1962-11-02' }),
    );
    expect(score).toBeGreaterThan(0.95);
    expect(reason(reasons, 'name', 'Noms identiques (Bernard / Bernard)').outcome).toBe('agree');
  });

  it('leaves common names alone below review, and needs a postal code or more', () => {
    const a = { firstName: 'Marie', lastName: 'Martin' };
    expect(matchScore(person(a), person(a))).toBeLessThan(review);
    const withPostalCode = { ...a, addresses: [{ postalCode: '75015', city: 'Paris' }] };
    expect(matchScore(person(withPostalCode), person(withPostalCode))).toBeGreaterThanOrEqual(review);
  });

  it('sends a rare full name alone to review, never to automatic merge', () => {
    const frequencies: NameFrequencies = {
      records: 100_000,
      firstNames: new Map([['gwenaelle', 40]]),
      surnames: new Map([['kerjean', 2]]),
    };
    const a = applyNameFrequencies(person({ firstName: 'Gwenaëlle', lastName: 'Kerjean' }), frequencies);
    const b = applyNameFrequencies(person({ firstName: 'Gwenaelle', lastName: 'KERJEAN' }), frequencies);
    const { score, reasons } = scorePair(a, b);
    expect(score).toBeGreaterThanOrEqual(review);
    expect(score).toBeLessThan(defaultMatchingRules.autoThreshold);
    expect(reason(reasons, 'name', '2 fiches sur 100000').outcome).toBe('agree');
  });

  it('tells two frequent first names apart, however similar', () => {
    const frequencies: NameFrequencies = {
      records: 100_000,
      firstNames: new Map([
        ['christine', 900],
        ['christophe', 1100],
      ]),
      surnames: new Map([['salrat', 4]]),
    };
    const shared = { lastName: 'Salrat', phones: ['+33612345678'], addresses: [home] };
    const a = applyNameFrequencies(person({ firstName: 'Christine', ...shared }), frequencies);
    const b = applyNameFrequencies(person({ firstName: 'Christophe', ...shared }), frequencies);
    const { score, reasons } = scorePair(a, b);
    expect(score).toBeLessThan(review);
    expect(reason(reasons, 'name', 'Prénoms différents').outcome).toBe('disagree');
  });

  it('weighs by the admin’s rules: a disabled rule no longer counts its agreement', () => {
    const a = person({
      firstName: 'Luc',
      lastName: 'Perrin',
      addresses: [{ postalCode: '33000', city: 'Bordeaux' }],
    });
    const b = person({
      firstName: 'Luc',
      lastName: 'Perrin',
      addresses: [{ postalCode: '33000', city: 'Bordeaux' }],
    });
    const rules = matchingRuleSetSchema.parse({
      ...defaultMatchingRules,
      rules: defaultMatchingRules.rules.map((rule) =>
        rule.kind === 'name_postal_code' ? { ...rule, enabled: false } : rule,
      ),
    });
    expect(matchScore(a, b)).toBeGreaterThanOrEqual(review);
    const { score, reasons } = scorePair(a, b, rules);
    expect(score).toBeLessThan(review);
    expect(reason(reasons, 'postalCode', 'règle désactivée').evidence).toBe(0);
  });

  it('decides merge only when automatic merging is enabled', () => {
    expect(matchDecision(0.99, defaultMatchingRules)).toBe('review');
    const auto = matchingRuleSetSchema.parse({ ...defaultMatchingRules, autoMergeEnabled: true });
    expect(matchDecision(0.99, auto)).toBe('merge');
    expect(matchDecision(0.8, auto)).toBe('review');
    expect(matchDecision(0.5, auto)).toBe('none');
  });

  it('gives the same score both ways and lists every field once', () => {
    const a = person({
      firstName: 'Paul',
      lastName: 'Petit',
      birthDate: '1990-01-02',
      emails: ['paul@x.fr'],
    });
    const b = person({ firstName: 'Paule', lastName: 'Petit', phones: ['+33611223344'], addresses: [home] });
    expect(matchScore(a, b)).toBeCloseTo(matchScore(b, a), 12);
    const fields = scorePair(a, b).reasons.map((r) => r.field);
    expect(fields).toEqual(['email', 'phone', 'name', 'name', 'birthDate', 'address']);
  });
});
