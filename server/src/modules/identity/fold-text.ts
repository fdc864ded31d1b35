import { stripAccents } from '../contacts/contact-normalisation.ts';

/** Lower-case, accent-free, punctuation folded to single spaces: "Jean-Pierre  L'Hôte" → "jean pierre l hote". */
export function foldText(raw: string | undefined): string {
  if (!raw) return '';
  return stripAccents(raw)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
