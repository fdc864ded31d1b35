import { currentLanguage } from '../../app/i18n';

/** Languages offered in the form; any other ISO 639-1 code the API holds is still displayed. */
export const languageCodes = [
  'fr',
  'en',
  'de',
  'es',
  'it',
  'nl',
  'pt',
  'ar',
  'zh',
  'ja',
  'ru',
  'pl',
  'ca',
  'br',
  'oc',
];

/** "fr" → "français" (in the interface language). */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageOptions(current: string | null) {
  const codes = current && !languageCodes.includes(current) ? [...languageCodes, current] : languageCodes;
  return codes.map((code) => ({ value: code, label: languageName(code) }));
}
