import { foldText } from './fold-text.ts';

/** Abbreviations of French street types and titles found in address lines, spelled out. */
const ABBREVIATIONS = new Map<string, string>([
  ['r', 'rue'],
  ['av', 'avenue'],
  ['ave', 'avenue'],
  ['aven', 'avenue'],
  ['bd', 'boulevard'],
  ['bld', 'boulevard'],
  ['blvd', 'boulevard'],
  ['boul', 'boulevard'],
  ['bvd', 'boulevard'],
  ['pl', 'place'],
  ['ch', 'chemin'],
  ['chem', 'chemin'],
  ['all', 'allee'],
  ['imp', 'impasse'],
  ['rte', 'route'],
  ['fg', 'faubourg'],
  ['fbg', 'faubourg'],
  ['sq', 'square'],
  ['crs', 'cours'],
  ['qu', 'quai'],
  ['pass', 'passage'],
  ['res', 'residence'],
  ['lot', 'lotissement'],
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['gal', 'general'],
  ['gen', 'general'],
  ['mal', 'marechal'],
  ['pdt', 'president'],
  ['prof', 'professeur'],
  ['dr', 'docteur'],
]);

/** Articles and prepositions that address lines include or drop at will. */
const STOPWORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'a', 'au', 'aux', 'et']);
const NUMBER_SUFFIXES = new Set(['bis', 'ter', 'quater', 'b', 't']);

/**
 * Splits an address line into its house number and a comparable street:
 * "12 bis, Bd St-Michel" → { number: "12 bis", street: "boulevard saint michel" }.
 * Only the first number is the house number; numbers inside the street name ("rue du 8 Mai 1945") stay.
 */
export function normaliseStreet(line: string | undefined): { number: string; street: string } {
  const words = foldText(line)
    .replace(/(\d+)([a-z]+)/g, '$1 $2')
    .split(' ')
    .filter(Boolean);
  let number = '';
  let start = 0;
  if (words.length > 1 && /^\d+$/.test(words[0])) {
    number = words[0];
    start = 1;
    if (NUMBER_SUFFIXES.has(words[1]) && words.length > 2) {
      number += ` ${words[1] === 'b' ? 'bis' : words[1] === 't' ? 'ter' : words[1]}`;
      start = 2;
    }
  }
  const street: string[] = [];
  for (let i = start; i < words.length; i++) {
    const word = ABBREVIATIONS.get(words[i]) ?? words[i];
    if (!STOPWORDS.has(word)) street.push(word);
  }
  return { number, street: street.join(' ') };
}
