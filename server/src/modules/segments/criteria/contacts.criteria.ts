import { createRequire } from 'node:module';
import {
  codesValueSchema,
  geographyValueSchema,
  idsValueSchema,
  tagsValueSchema,
} from '@parterre/contract/segments';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { CONTACTS_PERMISSIONS } from '../../contacts/contacts.permissions.ts';
import {
  type CriterionDefinition,
  CriterionValueError,
  defineCriteria,
  type Localised,
} from './criteria-registry.ts';
import { escapeLike, parisDay, shiftDay, textArray, uuidArray } from './criteria-sql.ts';

/*
 * Identity and geography criteria: columns of `people` and rows of `addresses` (contacts module).
 * Custom fields, which depend on the tenant, are in custom-field.criteria.ts.
 */

const require = createRequire(import.meta.url);
const named = (file: string) =>
  (require(`@etalab/decoupage-administratif/data/${file}`) as { code: string; nom: string }[]).map((d) => ({
    value: d.code,
    label: { fr: `${d.nom} (${d.code})`, en: `${d.nom} (${d.code})` },
  }));

/** Age bands in whole years at today's date in France; `max` is inclusive. */
export const AGE_BANDS: { id: string; min: number; max: number | null; label: Localised }[] = [
  { id: '0-17', min: 0, max: 17, label: { fr: 'Moins de 18 ans', en: 'Under 18' } },
  { id: '18-24', min: 18, max: 24, label: { fr: '18 à 24 ans', en: '18 to 24' } },
  { id: '25-34', min: 25, max: 34, label: { fr: '25 à 34 ans', en: '25 to 34' } },
  { id: '35-49', min: 35, max: 49, label: { fr: '35 à 49 ans', en: '35 to 49' } },
  { id: '50-64', min: 50, max: 64, label: { fr: '50 à 64 ans', en: '50 to 64' } },
  { id: '65+', min: 65, max: null, label: { fr: '65 ans et plus', en: '65 and over' } },
];

const LANGUAGES: [string, string, string][] = [
  ['fr', 'Français', 'French'],
  ['en', 'Anglais', 'English'],
  ['de', 'Allemand', 'German'],
  ['es', 'Espagnol', 'Spanish'],
  ['it', 'Italien', 'Italian'],
  ['br', 'Breton', 'Breton'],
];

const CODE_OPERATORS = ['in', 'notIn', 'isEmpty', 'isNotEmpty'] as const;
const TAG_OPERATORS = ['hasAny', 'hasAll', 'hasNone', 'isEmpty', 'isNotEmpty'] as const;

type Codes = z.infer<typeof codesValueSchema>;

/** A text column of `people` compared with a list of codes. */
function peopleCodes(column: string): CriterionDefinition<Codes>['compile'] {
  const expr = sql.raw(`p.${column}`);
  return ({ operator, value }) =>
    operator === 'isNotEmpty'
      ? sql`coalesce(${expr}, '') <> ''`
      : sql`${expr} = ANY(${textArray(value.codes)})`;
}

const ageBands = z
  .object({ codes: z.array(z.enum(AGE_BANDS.map((b) => b.id) as [string, ...string[]])).min(1) })
  .strict();

/** Birth dates of a band: age ≥ min ⇔ born on or before today − min years (29 February clamped). */
function bandCondition(band: (typeof AGE_BANDS)[number], today: string): SQL {
  const latest = shiftDay(today, -12 * band.min);
  const upper = sql`p.birth_date <= ${latest}::date`;
  if (band.max === null) return upper;
  const earliestExcluded = shiftDay(today, -12 * (band.max + 1));
  return sql`(${upper} AND p.birth_date > ${earliestExcluded}::date)`;
}

const identity: CriterionDefinition[] = [
  {
    id: 'identity.ageBand',
    category: 'identity',
    label: { fr: "Tranche d'âge", en: 'Age band' },
    description: {
      fr: 'Calculée depuis la date de naissance (donnée sensible).',
      en: 'From the birth date (sensitive data).',
    },
    operators: CODE_OPERATORS,
    value: ageBands,
    options: AGE_BANDS.map((b) => ({ value: b.id, label: b.label })),
    permission: CONTACTS_PERMISSIONS.readSensitive,
    example: { field: 'identity.ageBand', operator: 'in', value: { codes: ['18-24', '25-34'] } },
    compile({ operator, value }, env) {
      if (operator === 'isNotEmpty') return sql`p.birth_date IS NOT NULL`;
      const today = parisDay(env.now);
      const bands = AGE_BANDS.filter((b) => value.codes.includes(b.id));
      return sql`(${sql.join(
        bands.map((b) => bandCondition(b, today)),
        sql` OR `,
      )})`;
    },
  } satisfies CriterionDefinition<z.infer<typeof ageBands>> as CriterionDefinition,
  {
    id: 'identity.language',
    category: 'identity',
    label: { fr: 'Langue', en: 'Language' },
    operators: CODE_OPERATORS,
    value: codesValueSchema,
    options: LANGUAGES.map(([value, fr, en]) => ({ value, label: { fr, en } })),
    example: { field: 'identity.language', operator: 'in', value: { codes: ['en'] } },
    compile: peopleCodes('language'),
  } satisfies CriterionDefinition<Codes> as CriterionDefinition,
  {
    id: 'identity.civility',
    category: 'identity',
    label: { fr: 'Civilité', en: 'Title' },
    operators: CODE_OPERATORS,
    value: codesValueSchema,
    options: [
      { value: 'Mme', label: { fr: 'Madame', en: 'Mrs / Ms' } },
      { value: 'M.', label: { fr: 'Monsieur', en: 'Mr' } },
    ],
    example: { field: 'identity.civility', operator: 'in', value: { codes: ['Mme'] } },
    compile: peopleCodes('civility'),
  } satisfies CriterionDefinition<Codes> as CriterionDefinition,
  {
    id: 'identity.tags',
    category: 'identity',
    label: { fr: 'Étiquettes', en: 'Tags' },
    operators: TAG_OPERATORS,
    value: tagsValueSchema,
    example: { field: 'identity.tags', operator: 'hasAny', value: { tags: ['abonné', 'mécène'] } },
    compile({ operator, value }) {
      if (operator === 'isNotEmpty') return sql`cardinality(p.tags) > 0`;
      const tags = textArray(value.tags);
      return operator === 'hasAll' ? sql`p.tags @> ${tags}` : sql`p.tags && ${tags}`;
    },
  } satisfies CriterionDefinition<z.infer<typeof tagsValueSchema>> as CriterionDefinition,
  {
    id: 'identity.department',
    category: 'identity',
    label: { fr: 'Service propriétaire', en: 'Owning department' },
    operators: CODE_OPERATORS,
    value: idsValueSchema,
    optionsFrom: '/api/v1/departments',
    example: {
      field: 'identity.department',
      operator: 'in',
      value: { ids: ['0190a3c2-7b1e-7000-8000-000000000001'] },
    },
    compile: ({ operator, value }) =>
      operator === 'isNotEmpty'
        ? sql`p.department_id IS NOT NULL`
        : sql`p.department_id = ANY(${uuidArray(value.ids)})`,
  } satisfies CriterionDefinition<z.infer<typeof idsValueSchema>> as CriterionDefinition,
];

type Geography = z.infer<typeof geographyValueSchema>;

/**
 * An address of the person satisfying `condition` (on `a`): any address, or the primary one (else
 * the first by position), the same choice as the contacts list. A semi-join, so that the
 * (tenant, code) indexes of addresses can drive it; the primary address is checked by a LIMIT 1
 * subquery, which stays an index probe per candidate (an anti-join would scan every address).
 */
export function addressCondition(tenantId: string, scope: 'primary' | 'any', condition: SQL): SQL {
  const primary =
    scope === 'primary'
      ? sql` AND a.id = (SELECT b.id FROM addresses b WHERE b.person_id = a.person_id
          ORDER BY b.is_primary DESC, b.position, b.id LIMIT 1)`
      : sql``;
  return sql`EXISTS (SELECT 1 FROM addresses a WHERE a.tenant_id = ${tenantId}::uuid AND a.person_id = p.id
    AND ${condition}${primary})`;
}

function geography(options: {
  id: string;
  column: string;
  label: Localised;
  example: string;
  prefix?: boolean;
  choices?: { value: string; label: Localised }[];
}): CriterionDefinition {
  const column = sql.raw(`a.${options.column}`);
  const definition: CriterionDefinition<Geography | undefined> = {
    id: options.id,
    category: 'geography',
    label: options.label,
    description: {
      fr: 'Adresse principale (par défaut) ou n’importe quelle adresse de la personne.',
      en: "Primary address (default) or any of the person's addresses.",
    },
    operators: options.prefix ? [...CODE_OPERATORS, 'startsWith'] : CODE_OPERATORS,
    value: geographyValueSchema.optional(),
    options: options.choices,
    example: { field: options.id, operator: 'in', value: { codes: [options.example], address: 'primary' } },
    compile({ operator, value }, env) {
      const scope = value?.address ?? 'primary';
      if (operator === 'isNotEmpty')
        return addressCondition(env.tenantId, scope, sql`coalesce(${column}, '') <> ''`);
      if (!value)
        throw new CriterionValueError('une liste de codes est attendue', 'a list of codes is expected');
      if (operator === 'startsWith') {
        const prefixes = value.codes.map((code) => sql`${column} LIKE ${`${escapeLike(code)}%`}`);
        return addressCondition(env.tenantId, scope, sql`(${sql.join(prefixes, sql` OR `)})`);
      }
      return addressCondition(env.tenantId, scope, sql`${column} = ANY(${textArray(value.codes)})`);
    },
  };
  return definition as CriterionDefinition;
}

const places: CriterionDefinition[] = [
  geography({
    id: 'geography.commune',
    column: 'insee_code',
    label: { fr: 'Commune (code INSEE)', en: 'Municipality (INSEE code)' },
    example: '44109',
  }),
  geography({
    id: 'geography.departement',
    column: 'departement_code',
    label: { fr: 'Département', en: 'Département' },
    example: '44',
    choices: named('departements.json'),
  }),
  geography({
    id: 'geography.region',
    column: 'region_code',
    label: { fr: 'Région', en: 'Region' },
    example: '52',
    choices: named('regions.json'),
  }),
  geography({
    id: 'geography.postalCode',
    column: 'postal_code',
    label: { fr: 'Code postal', en: 'Postal code' },
    example: '44000',
    prefix: true,
  }),
];

defineCriteria([...identity, ...places]);
