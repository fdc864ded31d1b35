import type { PriceCategoryKind } from '@parterre/contract/ticketing';

/** Lower-case, accents removed, punctuation folded to single spaces: « Tarif Réduit » → `tarif reduit`. */
export function foldLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9+-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Ordered: the first rule that matches wins, so « Abonné tarif réduit » is an `abonnement` and
 * « Pass Culture » a `jeune` rather than an `abonnement`. Patterns run on the folded label.
 */
const RULES: [PriceCategoryKind, RegExp][] = [
  [
    'invitation',
    /\b(exonere|exo|invitations?|invites?|gratuit[e]?|offerts?|exoneration|complimentary|free|comp)\b/,
  ],
  ['scolaire', /\b(scolaires?|ecoles?|classes?|colleges?|lycees?|maternelles?|school)\b/],
  [
    'jeune',
    /(\b(jeunes?|etudiants?|enfants?|juniors?|ados?|adolescents?|pass culture|student|youth|child|kids?|u26|u18)\b|moins de \d+|- ?\d+ ?ans|-\d+\b)/,
  ],
  [
    'abonnement',
    /\b(abonnes?|abonnements?|pass|carte|cartes|adherents?|membres?|subscription|subscriber|members?)\b/,
  ],
  ['groupe', /\b(groupes?|collectivites?|ce|cse|comites? d entreprise|group)\b/],
  [
    'reduit',
    /\b(reduits?|reduction|demandeurs? d emploi|chomeurs?|seniors?|rsa|minima|handicap|pmr|famille nombreuse|solidaire|concession|reduced|discount)\b/,
  ],
  ['plein', /\b(plein|normal|adultes?|standard|full|general|unique|individuel)\b/],
];

/** Guesses the kind of a price category from the label a ticketing system gives it. */
export function inferPriceCategoryKind(label: string): PriceCategoryKind {
  const folded = foldLabel(label);
  return RULES.find(([, pattern]) => pattern.test(folded))?.[0] ?? 'autre';
}
