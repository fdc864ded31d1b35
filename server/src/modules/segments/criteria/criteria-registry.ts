import type { CriteriaOperator, CriteriaRule } from '@parterre/contract/segments';
import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';

/*
 * The criteria registry: each module declares the criteria it can answer about people, with the SQL
 * condition (on `people p`) that answers them. The compiler, the routes and the builder only know
 * this interface, so consent, campaigns, patronage… add theirs by calling `defineCriteria` (or
 * `defineCriteriaSource` for per-tenant ones) from a file their module imports.
 */

export type Localised = { fr: string; en: string };

/** The operators a criterion compiles; negations are derived by the compiler. */
export type PositiveOperator = Exclude<CriteriaOperator, 'notIn' | 'neq' | 'hasNone' | 'isNot' | 'isEmpty'>;

export const NEGATIONS: Partial<Record<CriteriaOperator, PositiveOperator>> = {
  notIn: 'in',
  neq: 'eq',
  hasNone: 'hasAny',
  isNot: 'is',
  isEmpty: 'isNotEmpty',
};

/** What a criterion's SQL may use besides its value. */
export type CompileEnvironment = {
  tenantId: string;
  /** The instant "now" of relative periods and ages: one per evaluation, passed as a parameter. */
  now: Date;
  /** The condition on `p` of another saved segment (membership), with cycle detection. */
  segmentCondition(segmentId: string): Promise<SQL>;
};

/** Thrown by a criterion for a value it cannot use; the compiler adds the rule's path. */
export class CriterionValueError extends Error {
  constructor(
    readonly fr: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export type CriterionDefinition<V = unknown> = {
  /** Stable id used in rules: `<category>.<name>`. */
  id: string;
  category: string;
  label: Localised;
  description?: Localised;
  operators: readonly CriteriaOperator[];
  /** Schema of the value (checked before `compile`); none when every operator is isEmpty/isNotEmpty. */
  value?: z.ZodType<V>;
  options?: { value: string; label: Localised }[];
  optionsFrom?: string;
  /** A permission the caller must hold to use it (sensitive data). */
  permission?: string;
  example: CriteriaRule;
  /** SQL condition on `people p` for a positive operator; only bind parameters carry values. */
  compile(rule: { operator: PositiveOperator; value: V }, env: CompileEnvironment): SQL | Promise<SQL>;
};

export type CriteriaCategory = { id: string; label: Localised; position: number };

type CriteriaSource = (
  context: Pick<AppContext, 'database' | 'logger'>,
  tenantId: string,
) => Promise<CriterionDefinition[]>;

const staticCriteria = new Map<string, CriterionDefinition>();
const sources: CriteriaSource[] = [];
const categories = new Map<string, CriteriaCategory>();

/** Registers criteria known at start-up (called once per module, at import). */
export function defineCriteria(definitions: CriterionDefinition[]): void {
  for (const definition of definitions) {
    if (staticCriteria.has(definition.id)) throw new Error(`Criterion defined twice: ${definition.id}`);
    staticCriteria.set(definition.id, definition as CriterionDefinition);
  }
}

/** Registers criteria that depend on the tenant (custom fields…), loaded at each compilation. */
export function defineCriteriaSource(source: CriteriaSource): void {
  sources.push(source);
}

export function defineCriteriaCategory(category: CriteriaCategory): void {
  categories.set(category.id, category);
}

export function criteriaCategories(): CriteriaCategory[] {
  return [...categories.values()].sort((a, b) => a.position - b.position);
}

/** Every criterion usable in the tenant, by id. */
export async function loadCriteria(
  context: Pick<AppContext, 'database' | 'logger'>,
  tenantId: string,
): Promise<Map<string, CriterionDefinition>> {
  const all = new Map(staticCriteria);
  for (const source of sources) {
    for (const definition of await source(context, tenantId)) all.set(definition.id, definition);
  }
  return all;
}

defineCriteriaCategory({ id: 'identity', label: { fr: 'Identité', en: 'Identity' }, position: 10 });
defineCriteriaCategory({ id: 'geography', label: { fr: 'Géographie', en: 'Geography' }, position: 20 });
defineCriteriaCategory({ id: 'purchases', label: { fr: 'Achats', en: 'Purchases' }, position: 30 });
defineCriteriaCategory({ id: 'attendance', label: { fr: 'Fréquentation', en: 'Attendance' }, position: 40 });
defineCriteriaCategory({
  id: 'membership',
  label: { fr: 'Segments et listes', en: 'Segments and lists' },
  position: 90,
});
