import { idsValueSchema } from '@parterre/contract/segments';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type CriterionDefinition, defineCriteria } from './criteria-registry.ts';
import { uuidArray } from './criteria-sql.ts';

type Ids = z.infer<typeof idsValueSchema>;

defineCriteria([
  {
    id: 'membership.segment',
    category: 'membership',
    label: { fr: 'Fait partie du segment', en: 'Member of segment' },
    description: {
      fr: 'Les critères du segment sont évalués avec les autres ; un segment ne peut pas se contenir lui-même.',
      en: 'The segment’s criteria are evaluated with the others; a segment cannot contain itself.',
    },
    operators: ['in', 'notIn'],
    value: idsValueSchema,
    optionsFrom: '/api/v1/segments',
    example: {
      field: 'membership.segment',
      operator: 'notIn',
      value: { ids: ['0190a3c2-7b1e-7000-8000-000000000001'] },
    },
    async compile({ value }, env) {
      const conditions = [];
      for (const id of value.ids) conditions.push(await env.segmentCondition(id));
      return sql`(${sql.join(conditions, sql` OR `)})`;
    },
  } satisfies CriterionDefinition<Ids> as CriterionDefinition,
  {
    id: 'membership.list',
    category: 'membership',
    label: { fr: 'Fait partie de la liste', en: 'Member of list' },
    operators: ['in', 'notIn'],
    value: idsValueSchema,
    optionsFrom: '/api/v1/lists',
    example: {
      field: 'membership.list',
      operator: 'in',
      value: { ids: ['0190a3c2-7b1e-7000-8000-000000000002'] },
    },
    compile: ({ value }, env) =>
      sql`EXISTS (SELECT 1 FROM static_list_members m WHERE m.tenant_id = ${env.tenantId}::uuid
        AND m.list_id = ANY(${uuidArray(value.ids)}) AND m.person_id = p.id)`,
  } satisfies CriterionDefinition<Ids> as CriterionDefinition,
]);
