import { AddressLevel, type Comparison, CoordLevel, DateLevel, departement } from './compare-fields.ts';
import { NameLevel } from './compare-names.ts';
import type { RuleWeights } from './matching-rules.ts';

export type MatchField = 'email' | 'phone' | 'name' | 'birthDate' | 'address' | 'postalCode' | 'organisation';
export type MatchOutcome = 'agree' | 'disagree' | 'partial' | 'missing';
export type MatchReason = {
  field: MatchField;
  outcome: MatchOutcome;
  /** French, shown to the reviewer: "Même e-mail jean.dupont@exemple.fr". */
  detail: string;
  /** Contribution to the log-odds, in bits: positive for a match, negative against. */
  evidence: number;
};
const tenth = (value: number) => Math.round(value * 10) / 10;
const decimal = (value: number) => value.toFixed(2).replace('.', ',');
const off = (weight: number) => (weight > 0 ? '' : ' (règle désactivée)');

/**
 * Lists, field by field, what agreed and what did not, in French for the reviewer, with each field's
 * contribution to the log-odds (rounded to a tenth of a bit).
 */
export function explainComparison(
  c: Comparison,
  bits: Float64Array,
  w: RuleWeights,
  sharedByHousehold: boolean,
): MatchReason[] {
  const reasons: MatchReason[] = [];
  const household = sharedByHousehold ? ', partagé avec un proche probable' : '';
  const coordinate = (
    field: 'email' | 'phone',
    level: CoordLevel,
    value: string,
    weight: number,
    i: number,
  ) => {
    const noun = field === 'email' ? 'e-mail' : 'téléphone';
    const [outcome, detail]: [MatchOutcome, string] =
      level === CoordLevel.agree
        ? ['agree', `Même ${noun} ${value}${household}${off(weight)}`]
        : level === CoordLevel.partial
          ? ['partial', `Même identifiant d'e-mail « ${value} » chez deux fournisseurs${off(weight)}`]
          : level === CoordLevel.disagree
            ? ['disagree', `${field === 'email' ? 'E-mails' : 'Téléphones'} différents`]
            : ['missing', `${field === 'email' ? 'E-mail' : 'Téléphone'} absent d'une des fiches`];
    reasons.push({ field, outcome, detail, evidence: tenth(bits[i]) });
  };
  coordinate('email', c.emailLevel, c.email, w.email, 0);
  coordinate('phone', c.phoneLevel, c.phone, w.phone, 1);
  const swap = c.swapped ? ' (prénom et nom inversés)' : '';
  reasons.push(nameReason('Prénoms', c.firstLevel, c.firstSimilarity, c, 0, tenth(bits[2]), swap));
  reasons.push(nameReason('Noms', c.surnameLevel, c.surnameSimilarity, c, 2, tenth(bits[3]), swap));
  const date = [
    ['missing', "Date de naissance absente d'une des fiches"],
    ['disagree', 'Dates de naissance différentes'],
    ['partial', 'Dates de naissance à un chiffre près'],
    ['partial', 'Dates de naissance avec jour et mois inversés'],
    ['agree', 'Même date de naissance'],
  ] as const;
  const [dateOutcome, dateDetail] = date[c.dateLevel];
  const dateOff = c.dateLevel >= DateLevel.typo ? off(w.name_birthdate) : '';
  reasons.push({
    field: 'birthDate',
    outcome: dateOutcome,
    detail: dateDetail + dateOff,
    evidence: tenth(bits[4]),
  });
  reasons.push(addressReason(c, tenth(bits[5]), w));
  if (c.organisationLevel !== CoordLevel.missing) {
    const agree = c.organisationLevel === CoordLevel.agree;
    reasons.push({
      field: 'organisation',
      outcome: agree ? 'agree' : 'disagree',
      detail: agree
        ? `Même organisation (${c.organisation})${off(w.organisation_name)}`
        : 'Organisations différentes',
      evidence: tenth(bits[6]),
    });
  }
  return reasons;
}

function nameReason(
  label: 'Prénoms' | 'Noms',
  level: NameLevel,
  similarity: number,
  c: Comparison,
  offset: 0 | 2,
  evidence: number,
  swap: string,
): MatchReason {
  const count = Math.max(c.names[offset]?.count ?? 0, c.names[offset + 1]?.count ?? 0);
  const bearers = c.baseSize && count ? ` ; ${count} fiche${count > 1 ? 's' : ''} sur ${c.baseSize}` : '';
  const pair = `${c.names[offset]?.raw ?? ''} / ${c.names[offset + 1]?.raw ?? ''}`;
  const jw = `Jaro-Winkler ${decimal(similarity)}`;
  const [outcome, detail]: [MatchOutcome, string] =
    level === NameLevel.exact
      ? ['agree', `${label} identiques (${pair}${bearers})`]
      : level === NameLevel.close
        ? ['partial', `${label} proches (${pair}, ${jw}${bearers})`]
        : level === NameLevel.partial
          ? ['partial', `${label} composés en partie communs (${pair})`]
          : level === NameLevel.gendered
            ? ['disagree', `Prénoms masculin et féminin (${pair})`]
            : level === NameLevel.disagree
              ? ['disagree', `${label} différents (${pair}, ${jw})`]
              : ['missing', `${label === 'Noms' ? 'Nom absent' : 'Prénom absent'} d'une des fiches`];
  return { field: 'name', outcome, detail: outcome === 'missing' ? detail : detail + swap, evidence };
}

function addressReason(c: Comparison, evidence: number, w: RuleWeights): MatchReason {
  const code = c.address?.postalCode ?? '';
  const street = `${c.address?.number ?? ''} ${c.address?.street ?? ''}`.trim();
  const streetOff = off(w.name_address + w.name_postal_code);
  switch (c.addressLevel) {
    case AddressLevel.sameStreet:
      return {
        field: 'address',
        outcome: 'agree',
        detail: `Même adresse (${street}, ${code})${streetOff}`,
        evidence,
      };
    case AddressLevel.otherNumber:
      return {
        field: 'address',
        outcome: 'partial',
        detail: `Même rue, autre numéro (${code})${streetOff}`,
        evidence,
      };
    case AddressLevel.otherStreet:
      return {
        field: 'address',
        outcome: 'partial',
        detail: `Même code postal ${code}, rues différentes (Jaro-Winkler ${decimal(c.streetSimilarity)})${off(w.name_postal_code)}`,
        evidence,
      };
    case AddressLevel.postalCodeOnly:
      return {
        field: 'postalCode',
        outcome: 'agree',
        detail: `Même code postal ${code}${off(w.name_postal_code)}`,
        evidence,
      };
    case AddressLevel.otherPostalCode:
      return {
        field: 'postalCode',
        outcome: 'disagree',
        detail: `Codes postaux différents, même département (${departement(code)})`,
        evidence,
      };
    case AddressLevel.otherDepartement:
      return {
        field: 'postalCode',
        outcome: 'disagree',
        detail: 'Codes postaux de départements différents',
        evidence,
      };
    default:
      return { field: 'address', outcome: 'missing', detail: "Adresse absente d'une des fiches", evidence };
  }
}
