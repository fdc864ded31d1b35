import {
  type CriteriaGroup,
  type CriteriaRule,
  criteriaGroupSchema,
  isCriteriaGroup,
} from '@parterre/contract/segments';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, type Locale } from '../../platform/errors.ts';
import {
  type CompileEnvironment,
  type CriterionDefinition,
  CriterionValueError,
  NEGATIONS,
  type PositiveOperator,
} from './criteria/criteria-registry.ts';
import './segments.errors.ts';

/*
 * Criteria tree → one SQL condition on `people p`. Rules follow two-valued logic: a person for whom
 * a rule cannot be decided (no address, no birth date…) does not match it, and matches its negation.
 * Under AND / OR alone, SQL's unknown already behaves as false; only a NOT (a negated group or
 * operator) needs `coalesce(…, false)` below it. Leaving positive rules bare keeps them indexable
 * (tags by GIN, address EXISTS as semi-joins). Values only travel as bind parameters.
 */

export type CompileOptions = {
  tenantId: string;
  now: Date;
  locale: Locale;
  criteria: Map<string, CriterionDefinition>;
  /** Whether the caller holds a permission a criterion requires. */
  allows(permission: string): boolean;
  /** A saved segment's name and criteria, for membership rules. */
  loadSegment(id: string): Promise<{ name: string; criteria: CriteriaGroup } | undefined>;
  /** Segments being compiled, outermost first: reaching one again is a cycle. */
  stack?: string[];
};

class RuleError extends Error {
  constructor(
    readonly part: 'field' | 'operator' | 'value',
    readonly fr: string,
    readonly en: string,
    readonly valuePath = '',
  ) {
    super(en);
  }
}

const zodFr = z.locales.fr().localeError;
const zodEn = z.locales.en().localeError;

function parseValue(definition: CriterionDefinition, value: unknown): unknown {
  if (!definition.value) return value;
  const fr = definition.value.safeParse(value, { error: zodFr });
  if (fr.success) return fr.data;
  const en = definition.value.safeParse(value, { error: zodEn });
  const issue = fr.error.issues[0];
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const enIssue = en.success ? issue : en.error.issues[0];
  throw new RuleError(
    'value',
    where ? `valeur${where} : ${issue.message}` : issue.message,
    where ? `value${where}: ${enIssue.message}` : enIssue.message,
    where,
  );
}

async function compileRule(rule: CriteriaRule, path: string, options: CompileOptions): Promise<SQL> {
  const definition = options.criteria.get(rule.field);
  if (!definition) {
    throw new RuleError('field', `critère inconnu « ${rule.field} »`, `unknown criterion "${rule.field}"`);
  }
  if (definition.permission && !options.allows(definition.permission)) {
    throw new AppError('common.forbidden', {
      details: { permission: definition.permission },
      fieldErrors: [{ path: `criteria.${path}.field`, message: rule.field }],
    });
  }
  if (!definition.operators.includes(rule.operator)) {
    throw new RuleError(
      'operator',
      `l’opérateur « ${rule.operator} » ne s’applique pas à « ${rule.field} » (possibles : ${definition.operators.join(', ')})`,
      `operator "${rule.operator}" does not apply to "${rule.field}" (allowed: ${definition.operators.join(', ')})`,
    );
  }
  const positive: PositiveOperator = NEGATIONS[rule.operator] ?? (rule.operator as PositiveOperator);
  const value =
    positive === 'isNotEmpty' && rule.value === undefined ? undefined : parseValue(definition, rule.value);
  const env: CompileEnvironment = {
    tenantId: options.tenantId,
    now: options.now,
    segmentCondition: (id) => segmentCondition(id, options),
  };
  let condition: SQL;
  try {
    condition = await definition.compile({ operator: positive, value }, env);
  } catch (error) {
    if (error instanceof CriterionValueError) throw new RuleError('value', error.fr, error.en);
    throw error;
  }
  return positive === rule.operator ? sql`(${condition})` : sql`NOT coalesce((${condition}), false)`;
}

/** The condition of a saved segment, compiled in place (membership rules). */
async function segmentCondition(id: string, options: CompileOptions): Promise<SQL> {
  const stack = options.stack ?? [];
  if (stack.includes(id)) {
    throw new CriterionValueError(
      'un segment ne peut pas se contenir lui-même (directement ou par un autre segment)',
      'a segment cannot contain itself (directly or through another segment)',
    );
  }
  const segment = await options.loadSegment(id);
  if (!segment) throw new CriterionValueError(`segment introuvable : ${id}`, `segment not found: ${id}`);
  try {
    return await compileGroup(segment.criteria, '', { ...options, stack: [...stack, id] });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'segments.bad_criteria') throw error;
    const details = error.details as { rule: string; reasonFr: string; reasonEn: string };
    throw new CriterionValueError(
      `le segment « ${segment.name} » est invalide (${details.rule} : ${details.reasonFr})`,
      `segment "${segment.name}" is invalid (${details.rule}: ${details.reasonEn})`,
    );
  }
}

async function compileGroup(group: CriteriaGroup, path: string, options: CompileOptions): Promise<SQL> {
  const parts: SQL[] = [];
  for (const [index, node] of group.rules.entries()) {
    const at = `${path ? `${path}.` : ''}rules[${index}]`;
    if (isCriteriaGroup(node)) {
      parts.push(await compileGroup(node, at, options));
      continue;
    }
    try {
      parts.push(await compileRule(node, at, options));
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      throw new AppError('segments.bad_criteria', {
        details: { rule: at, reasonFr: error.fr, reasonEn: error.en },
        fieldErrors: [
          {
            path: `criteria.${at}.${error.part}${error.valuePath}`,
            message: options.locale === 'en' ? error.en : error.fr,
          },
        ],
      });
    }
  }
  // An empty AND holds for everyone, an empty OR for no one.
  const combined =
    parts.length === 0
      ? group.op === 'and'
        ? sql`true`
        : sql`false`
      : sql`(${sql.join(parts, group.op === 'and' ? sql` AND ` : sql` OR `)})`;
  return group.not ? sql`(NOT coalesce(${combined}, false))` : combined;
}

/** Compiles a criteria tree (validated by the contract schema) into a condition on `people p`. */
export async function compileCriteria(criteria: CriteriaGroup, options: CompileOptions): Promise<SQL> {
  return compileGroup(criteriaGroupSchema.parse(criteria), '', options);
}
