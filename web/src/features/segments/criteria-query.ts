import type {
  CriteriaField,
  CriteriaGroup,
  CriteriaOperator,
  CriteriaRule,
} from '@parterre/contract/segments';
import type { RuleGroupType, RuleType } from 'react-querybuilder';

/*
 * The segment builder edits react-querybuilder's tree (`{combinator, not, rules}` with ids); the
 * API stores the contract's criteria (`{op, not, rules}`). Rule values are kept in the contract's
 * own shape (`{codes: [...]}`, `{count, period}`…), so only groups are translated. What a value
 * looks like is read from the criterion's JSON Schema, so a module adding a criterion of a known
 * shape needs nothing here.
 */

/** The shape of a criterion's value, by the property names of its JSON Schema. */
export type ValueKind =
  | 'codes'
  | 'ids'
  | 'purchaseIds'
  | 'purchaseValues'
  | 'tags'
  | 'ticketCount'
  | 'count'
  | 'amount'
  | 'months'
  | 'period'
  | 'text'
  | 'number'
  | 'date'
  | 'boolean'
  | 'consent'
  | 'unknown';

type JsonSchema = { properties?: Record<string, unknown>; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] };

function propertyNames(schema: JsonSchema | null | undefined): Set<string> {
  const names = new Set<string>();
  if (!schema) return names;
  for (const name of Object.keys(schema.properties ?? {})) names.add(name);
  for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    for (const name of propertyNames(part)) names.add(name);
  }
  return names;
}

export function valueKindOf(field: Pick<CriteriaField, 'valueSchema'>): ValueKind {
  const names = propertyNames(field.valueSchema as JsonSchema | null);
  if (names.has('purposeId')) return 'consent';
  if (names.has('codes')) return 'codes';
  if (names.has('ids')) return names.has('period') ? 'purchaseIds' : 'ids';
  if (names.has('values')) return 'purchaseValues';
  if (names.has('tags')) return 'tags';
  if (names.has('count')) return names.has('productionIds') ? 'ticketCount' : 'count';
  if (names.has('amount')) return 'amount';
  if (names.has('months')) return 'months';
  if (names.has('period')) return 'period';
  if (names.has('text')) return 'text';
  if (names.has('number')) return 'number';
  if (names.has('date')) return 'date';
  if (names.has('value')) return 'boolean';
  return 'unknown';
}

export const needsValue = (operator: string) => operator !== 'isEmpty' && operator !== 'isNotEmpty';

/** The value a new rule starts with: ready to count when a sensible default exists. */
export function defaultValueFor(kind: ValueKind): unknown {
  switch (kind) {
    case 'ticketCount':
    case 'count':
      return { count: 1 };
    case 'amount':
      return { amount: 100 };
    case 'months':
      return { months: 12 };
    case 'period':
      return { period: { last: { amount: 12, unit: 'month' } } };
    case 'boolean':
      return { value: true };
    case 'consent':
      return { channel: 'email', status: 'granted' };
    default:
      return undefined;
  }
}

const filled = (list: unknown) => Array.isArray(list) && list.length > 0;
const isNumber = (n: unknown) => typeof n === 'number' && Number.isFinite(n);

/** True when the rule can be sent: a value of its kind, with the parts the contract requires. */
export function isRuleComplete(kind: ValueKind, operator: string, value: unknown): boolean {
  if (!needsValue(operator)) return true;
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  switch (kind) {
    case 'codes':
      return filled(v.codes);
    case 'ids':
    case 'purchaseIds':
      return filled(v.ids);
    case 'purchaseValues':
      return filled(v.values);
    case 'tags':
      return filled(v.tags);
    case 'ticketCount':
    case 'count':
      return isNumber(v.count);
    case 'amount':
      return isNumber(v.amount);
    case 'months':
      return isNumber(v.months);
    case 'period':
      return typeof v.period === 'object' && v.period !== null;
    case 'text':
      return typeof v.text === 'string' && v.text.trim() !== '';
    case 'number':
      return isNumber(v.number);
    case 'date':
      return typeof v.date === 'string' && v.date !== '';
    case 'boolean':
      return typeof v.value === 'boolean';
    case 'consent':
      return [v.purposeId, v.channel, v.status].every((part) => typeof part === 'string' && part !== '');
    default:
      return true;
  }
}

export type BuilderQuery = RuleGroupType;

const isGroup = (node: RuleType | RuleGroupType): node is RuleGroupType => 'rules' in node;

let counter = 0;
const newId = () => `n${++counter}`;

/** The builder's tree of saved criteria. */
export function toBuilderQuery(criteria: CriteriaGroup): BuilderQuery {
  return {
    id: newId(),
    combinator: criteria.op,
    not: criteria.not ?? false,
    rules: criteria.rules.map((node) =>
      'rules' in node
        ? toBuilderQuery(node)
        : { id: newId(), field: node.field, operator: node.operator, value: node.value },
    ),
  };
}

export const emptyQuery = (): BuilderQuery => ({ id: newId(), combinator: 'and', not: false, rules: [] });

export interface CriteriaOutcome {
  criteria: CriteriaGroup;
  /** Rules left out because their value is not filled in yet (builder ids). */
  incomplete: string[];
  /** The builder id of each rule sent, to point at the one the server refuses. */
  ruleIds: Map<CriteriaRule, string>;
}

/**
 * The contract's criteria of the builder's tree. Incomplete rules and groups left empty by them
 * are left out (and reported), so that the live count follows what the user has finished.
 */
export function toCriteria(query: BuilderQuery, kindOf: (field: string) => ValueKind): CriteriaOutcome {
  const incomplete: string[] = [];
  const ruleIds = new Map<CriteriaRule, string>();
  const convert = (group: RuleGroupType, root: boolean): CriteriaGroup | null => {
    const rules: (CriteriaRule | CriteriaGroup)[] = [];
    for (const node of group.rules) {
      if (typeof node === 'string') continue;
      if (isGroup(node)) {
        const child = convert(node, false);
        if (child) rules.push(child);
        continue;
      }
      const operator = node.operator as CriteriaOperator;
      if (!isRuleComplete(kindOf(node.field), operator, node.value)) {
        incomplete.push(node.id ?? '');
        continue;
      }
      const rule: CriteriaRule = needsValue(operator)
        ? { field: node.field, operator, value: node.value }
        : { field: node.field, operator };
      ruleIds.set(rule, node.id ?? '');
      rules.push(rule);
    }
    if (!root && rules.length === 0) return null;
    const op = group.combinator === 'or' ? 'or' : 'and';
    return group.not ? { op, not: true, rules } : { op, rules };
  };
  return { criteria: convert(query, true) ?? { op: 'and', rules: [] }, incomplete, ruleIds };
}

/**
 * The builder rule named by a server path such as `criteria.rules[1].rules[0].value.codes`, read on
 * the criteria actually sent (incomplete rules left out shift the indexes).
 */
export function ruleAtPath(criteria: CriteriaGroup, path: string): CriteriaRule | undefined {
  const indexes = [...path.matchAll(/rules\[(\d+)\]/g)].map((m) => Number(m[1]));
  let node: CriteriaRule | CriteriaGroup = criteria;
  for (const index of indexes) {
    if (!('rules' in node)) return undefined;
    const next: CriteriaRule | CriteriaGroup | undefined = node.rules[index];
    if (!next) return undefined;
    node = next;
  }
  return 'rules' in node ? undefined : node;
}

/** How many rules a tree holds, nested groups included. */
export function countRules(group: CriteriaGroup): number {
  return group.rules.reduce((sum, node) => sum + ('rules' in node ? countRules(node) : 1), 0);
}
