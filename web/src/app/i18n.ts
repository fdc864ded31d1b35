import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';

export const supportedLanguages = ['fr', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

const storageKey = 'parterre.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** True when the user picked a language on this device (it then wins over their profile locale). */
export function hasChosenLanguage(): boolean {
  return readStoredLanguage() !== null;
}

type Messages = { [key: string]: string | Messages };

/**
 * Each feature may keep its own messages in `features/<name>/locales/{fr,en}.json` under its own
 * top-level key; they are merged with the shell's so that features never edit one shared file.
 */
const featureBundles = import.meta.glob<Messages>('../features/*/locales/*.json', {
  eager: true,
  import: 'default',
});

function withFeatureMessages(language: Language, base: Messages): Messages {
  const merged: Messages = { ...base };
  for (const [file, messages] of Object.entries(featureBundles)) {
    if (file.endsWith(`/${language}.json`)) Object.assign(merged, messages);
  }
  return merged;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    fr: { translation: withFeatureMessages('fr', fr) },
    en: { translation: withFeatureMessages('en', en) },
  },
  lng: readStoredLanguage() ?? 'fr',
  fallbackLng: 'fr',
  supportedLngs: [...supportedLanguages],
  interpolation: { escapeValue: false },
});

function applyDocumentLanguage(language: string) {
  // Screen readers pick their voice from <html lang>; absent in unit tests (no DOM).
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
}

/** Switches the interface language and remembers the choice on this device. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing may forbid storage; the switch still applies to this tab.
  }
  await i18n.changeLanguage(language);
}
