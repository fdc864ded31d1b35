import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stripAccents } from './contact-normalisation.ts';

/** CLDR's "unknown region": an import named a country we could not recognise. */
export const UNKNOWN_COUNTRY = 'ZZ';

const require = createRequire(import.meta.url);
let countryCodes: Set<string> | undefined;
let countryByName: Map<string, string> | undefined;

function nameKey(name: string): string {
  return stripAccents(name)
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

/** Names people type that CLDR does not list. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  us: 'US',
  unitedstatesofamerica: 'US',
  america: 'US',
  uk: 'GB',
  england: 'GB',
  greatbritain: 'GB',
  angleterre: 'GB',
  grandebretagne: 'GB',
  deutschland: 'DE',
  espana: 'ES',
  italia: 'IT',
  nederland: 'NL',
  hollande: 'NL',
  schweiz: 'CH',
  suisse: 'CH',
  belgie: 'BE',
  belgique: 'BE',
};

/** Every ISO 3166-1 alpha-2 code ICU knows, with its English and French names, built once. */
function load(): { codes: Set<string>; byName: Map<string, string> } {
  if (countryCodes && countryByName) return { codes: countryCodes, byName: countryByName };
  const codes = new Set<string>();
  const byName = new Map<string, string>(Object.entries(ALIASES));
  const displays = ['en', 'fr'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const names = displays.map((d) => d.of(code)).filter((n): n is string => Boolean(n));
      if (names.length === 0) continue;
      codes.add(code);
      for (const name of names) if (!byName.has(nameKey(name))) byName.set(nameKey(name), code);
    }
  }
  countryCodes = codes;
  countryByName = byName;
  return { codes, byName };
}

/** Upper-cases and checks an ISO alpha-2 code; undefined when unknown. */
export function countryCode(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  return load().codes.has(upper) ? upper : undefined;
}

/** A country as written in an address book ("USA", "Allemagne", "de") → ISO alpha-2, if recognised. */
export function countryFromText(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return countryCode(trimmed);
  return load().byName.get(nameKey(trimmed));
}

let departementNames: Map<string, string> | undefined;
let regionNames: Map<string, string> | undefined;

function loadNames(file: string): Map<string, string> {
  const path = require.resolve(`@etalab/decoupage-administratif/data/${file}`);
  const rows = JSON.parse(readFileSync(path, 'utf8')) as { code: string; nom: string }[];
  return new Map(rows.map((row) => [row.code, row.nom]));
}

/** Names of a département and a région from their INSEE codes (small files, loaded on first use). */
export function geographyNames(departementCode: string | null, regionCode: string | null) {
  departementNames ??= loadNames('departements.json');
  regionNames ??= loadNames('regions.json');
  return {
    departementName: departementCode ? (departementNames.get(departementCode) ?? null) : null,
    regionName: regionCode ? (regionNames.get(regionCode) ?? null) : null,
  };
}
