import type { CriteriaGroup } from '@parterre/contract/segments';
import { describe, expect, it } from 'vitest';
import {
  isRuleComplete,
  ruleAtPath,
  toBuilderQuery,
  toCriteria,
  type ValueKind,
  valueKindOf,
} from './criteria-query';

const kinds: Record<string, ValueKind> = {
  'geography.postalCode': 'codes',
  'purchases.tickets': 'ticketCount',
  'identity.tags': 'tags',
};
const kindOf = (field: string) => kinds[field] ?? 'unknown';

const parisians: CriteriaGroup = {
  op: 'and',
  rules: [
    { field: 'geography.postalCode', operator: 'startsWith', value: { codes: ['75'] } },
    {
      op: 'or',
      not: true,
      rules: [
        { field: 'purchases.tickets', operator: 'gte', value: { count: 1 } },
        { field: 'identity.tags', operator: 'isEmpty' },
      ],
    },
  ],
};

describe('segment criteria in the builder', () => {
  it('gives back the same criteria after a round trip through the builder tree', () => {
    const query = toBuilderQuery(parisians);
    expect(query.combinator).toBe('and');
    expect(toCriteria(query, kindOf).criteria).toEqual(parisians);
  });

  it('leaves out unfinished rules and the groups they empty, and names them', () => {
    const query = toBuilderQuery({
      op: 'and',
      rules: [
        { field: 'geography.postalCode', operator: 'in', value: { codes: ['44000'] } },
        { op: 'or', rules: [{ field: 'identity.tags', operator: 'hasAny', value: { tags: [] } }] },
      ],
    });
    const outcome = toCriteria(query, kindOf);
    expect(outcome.criteria).toEqual({
      op: 'and',
      rules: [{ field: 'geography.postalCode', operator: 'in', value: { codes: ['44000'] } }],
    });
    const group = query.rules[1] as { rules: { id?: string }[] };
    expect(outcome.incomplete).toEqual([group.rules[0].id]);
  });

  it('points at the rule named by a server path', () => {
    expect(ruleAtPath(parisians, 'criteria.rules[1].rules[0].value.count')?.field).toBe('purchases.tickets');
    expect(ruleAtPath(parisians, 'criteria.rules[1]')).toBeUndefined();
    expect(ruleAtPath(parisians, 'criteria.rules[7]')).toBeUndefined();
  });

  it('maps each sent rule back to its builder id', () => {
    const query = toBuilderQuery(parisians);
    const outcome = toCriteria(query, kindOf);
    const rule = ruleAtPath(outcome.criteria, 'criteria.rules[0]');
    expect(rule && outcome.ruleIds.get(rule)).toBe(query.rules[0].id);
  });

  it('reads the shape of a value from its JSON Schema', () => {
    const schema = (properties: string[]) => ({
      valueSchema: { type: 'object', properties: Object.fromEntries(properties.map((p) => [p, {}])) },
    });
    expect(valueKindOf(schema(['codes', 'address']))).toBe('codes');
    expect(valueKindOf(schema(['ids', 'period']))).toBe('purchaseIds');
    expect(valueKindOf(schema(['ids']))).toBe('ids');
    expect(valueKindOf(schema(['count', 'period', 'productionIds']))).toBe('ticketCount');
    expect(valueKindOf(schema(['count', 'period']))).toBe('count');
    expect(valueKindOf({ valueSchema: { anyOf: [{ properties: { months: {} } }] } })).toBe('months');
    expect(valueKindOf(schema(['purposeId', 'channel', 'status']))).toBe('consent');
    expect(valueKindOf({ valueSchema: null })).toBe('unknown');
  });

  it('asks for a value except for « renseigné » / « non renseigné »', () => {
    expect(isRuleComplete('codes', 'in', { codes: [] })).toBe(false);
    expect(isRuleComplete('codes', 'isEmpty', undefined)).toBe(true);
    expect(isRuleComplete('count', 'gte', { count: 0 })).toBe(true);
    expect(isRuleComplete('text', 'contains', { text: '  ' })).toBe(false);
    expect(isRuleComplete('consent', 'is', { channel: 'email', status: 'granted' })).toBe(false);
    expect(isRuleComplete('consent', 'is', { purposeId: 'p', channel: 'email', status: 'granted' })).toBe(
      true,
    );
  });
});
