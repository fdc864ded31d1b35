import { currentLanguage } from '../../app/i18n';
import type { LocalisedText, Purpose } from './consent-api';

/** The English text when the interface is in English and one exists, else the French one. */
export function localised(text: LocalisedText | null | undefined): string {
  if (!text) return '';
  return currentLanguage() === 'en' && text.en ? text.en : text.fr;
}

export function purposeName(purpose: Pick<Purpose, 'name'> | undefined, fallback = ''): string {
  return purpose ? localised(purpose.name) : fallback;
}

const locales = { fr: 'fr-FR', en: 'en-GB' } as const;

/**
 * Proof times are read in Paris time whatever the agent's device says (a consent given at
 * 23:30 in Paris is on that day, also for a colleague abroad): « 12 mars 2026 à 14:05 ».
 */
export function formatParisDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[currentLanguage()], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date);
}

export function formatParisDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[currentLanguage()], {
    dateStyle: 'medium',
    timeZone: 'Europe/Paris',
  }).format(date);
}
