import type { CustomField } from '@parterre/contract/custom-fields';
import {
  booleanValueSchema,
  codesValueSchema,
  dateValueSchema,
  numberValueSchema,
  textValueSchema,
} from '@parterre/contract/segments';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { CONTACTS_PERMISSIONS } from '../../contacts/contacts.permissions.ts';
import { customFieldExpr, fold } from '../../contacts/contacts-list.compiler.ts';
import { createCustomFieldsService } from '../../contacts/custom-fields.service.ts';
import {
  type CriterionDefinition,
  defineCriteriaSource,
  type PositiveOperator,
} from './criteria-registry.ts';
import { escapeLike, textArray } from './criteria-sql.ts';

/*
 * One criterion per custom field of people (`customFields.<key>`), typed by its definition; values
 * are read from the JSON column with the contacts list's own casts, so both agree on what a
 * malformed value is (no value).
 */

const COMPARATORS: Partial<Record<PositiveOperator, string>> = {
  eq: '=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};
const ORDERED = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'isNotEmpty'] as const;

function compare(expr: SQL, operator: PositiveOperator, value: SQL): SQL {
  return sql`${expr} ${sql.raw(COMPARATORS[operator] ?? '=')} ${value}`;
}

function criterionFor(field: CustomField): CriterionDefinition | undefined {
  const base = {
    id: `customFields.${field.key}`,
    category: 'identity',
    label: { fr: field.label, en: field.label },
    ...(field.sensitive ? { permission: CONTACTS_PERMISSIONS.readSensitive } : {}),
  };
  const id = base.id;
  switch (field.type) {
    case 'number': {
      const expr = customFieldExpr(field.key, 'number');
      return {
        ...base,
        operators: ORDERED,
        value: numberValueSchema,
        example: { field: id, operator: 'gte', value: { number: 1 } },
        compile: ({
          operator,
          value,
        }: {
          operator: PositiveOperator;
          value: z.infer<typeof numberValueSchema>;
        }) =>
          operator === 'isNotEmpty'
            ? sql`${expr} IS NOT NULL`
            : compare(expr, operator, sql`${String(value.number)}::numeric`),
      } as CriterionDefinition;
    }
    case 'date': {
      const expr = customFieldExpr(field.key, 'date');
      return {
        ...base,
        operators: ORDERED,
        value: dateValueSchema,
        example: { field: id, operator: 'gte', value: { date: '2026-01-01' } },
        compile: ({
          operator,
          value,
        }: {
          operator: PositiveOperator;
          value: z.infer<typeof dateValueSchema>;
        }) =>
          operator === 'isNotEmpty'
            ? sql`${expr} IS NOT NULL`
            : compare(expr, operator, sql`${value.date}::date`),
      } as CriterionDefinition;
    }
    case 'boolean': {
      const expr = customFieldExpr(field.key, 'boolean');
      return {
        ...base,
        operators: ['is', 'isNot', 'isEmpty', 'isNotEmpty'],
        value: booleanValueSchema,
        example: { field: id, operator: 'is', value: { value: true } },
        compile: ({
          operator,
          value,
        }: {
          operator: PositiveOperator;
          value: z.infer<typeof booleanValueSchema>;
        }) => (operator === 'isNotEmpty' ? sql`${expr} IS NOT NULL` : sql`${expr} = ${value.value}::boolean`),
      } as CriterionDefinition;
    }
    case 'choice': {
      const expr = customFieldExpr(field.key, 'text');
      return {
        ...base,
        operators: ['in', 'notIn', 'isEmpty', 'isNotEmpty'],
        value: codesValueSchema,
        options: field.options.map((option) => ({ value: option, label: { fr: option, en: option } })),
        example: { field: id, operator: 'in', value: { codes: [field.options[0] ?? 'valeur'] } },
        compile: ({
          operator,
          value,
        }: {
          operator: PositiveOperator;
          value: z.infer<typeof codesValueSchema>;
        }) =>
          operator === 'isNotEmpty'
            ? sql`coalesce(${expr}, '') <> ''`
            : sql`${expr} = ANY(${textArray(value.codes)})`,
      } as CriterionDefinition;
    }
    case 'multi_choice': {
      const expr = customFieldExpr(field.key, 'multi');
      return {
        ...base,
        operators: ['hasAny', 'hasAll', 'hasNone', 'isEmpty', 'isNotEmpty'],
        value: codesValueSchema,
        options: field.options.map((option) => ({ value: option, label: { fr: option, en: option } })),
        example: { field: id, operator: 'hasAny', value: { codes: [field.options[0] ?? 'valeur'] } },
        compile: ({
          operator,
          value,
        }: {
          operator: PositiveOperator;
          value: z.infer<typeof codesValueSchema>;
        }) => {
          if (operator === 'isNotEmpty') {
            return sql`(jsonb_typeof(${expr}) = 'array' AND jsonb_array_length(${expr}) > 0)`;
          }
          const items = textArray(value.codes);
          const test =
            operator === 'hasAll'
              ? sql`jsonb_exists_all(${expr}, ${items})`
              : sql`jsonb_exists_any(${expr}, ${items})`;
          return sql`(jsonb_typeof(${expr}) = 'array' AND ${test})`;
        },
      } as CriterionDefinition;
    }
    default: {
      // text, long_text, url, email, phone: compared accent- and case-insensitively.
      const expr = fold(customFieldExpr(field.key, 'text'));
      return {
        ...base,
        operators: ['eq', 'neq', 'contains', 'startsWith', 'isEmpty', 'isNotEmpty'],
        value: textValueSchema,
        example: { field: id, operator: 'contains', value: { text: 'jazz' } },
        compile: ({
          operator,
          value,
        }: {
          operator: PositiveOperator;
          value: z.infer<typeof textValueSchema>;
        }) => {
          if (operator === 'isNotEmpty')
            return sql`coalesce(${customFieldExpr(field.key, 'text')}, '') <> ''`;
          if (operator === 'eq') return sql`${expr} = ${fold(sql`${value.text}`)}`;
          const pattern = `${operator === 'contains' ? '%' : ''}${escapeLike(value.text)}%`;
          return sql`${expr} LIKE ${fold(sql`${pattern}`)}`;
        },
      } as CriterionDefinition;
    }
  }
}

defineCriteriaSource(async (context, tenantId) => {
  const fields = await createCustomFieldsService(context).definitionsFor(tenantId, 'person');
  return fields.flatMap((field) => criterionFor(field) ?? []);
});
