import { contactSortSchema } from '@parterre/contract/contact-lists';
import { type SQL, sql } from 'drizzle-orm';
import { AppError, defineErrors } from '../../platform/errors.ts';
import {
  type CompileContext,
  CUSTOM_TYPES,
  customFieldExpr,
  type FieldType,
  fold,
  UUID,
} from './contacts-list.compiler.ts';

/*
 * Sorting and keyset pagination of the people list: `ORDER BY <sort parts…>, p.id`, and the
 * condition selecting the rows after a cursor made of the last row's sort key and id.
 */

defineErrors({
  'contact_lists.bad_sort': {
    status: 400,
    fr: 'Tri impossible sur « {sort} ».',
    en: 'Cannot sort by "{sort}".',
  },
});

export type SortPart = { expr: SQL; cast: 'text' | 'numeric' | 'date' | 'boolean' | 'timestamptz' };
export type CompiledSort = { parts: SortPart[]; descending: boolean };

/**
 * Names and cities sort accent- and case-insensitively, the same on both database modes (PGlite's
 * default collation would put "Élodie" and "de Gaulle" after "Zola").
 */
const foldedSort = (column: string): SortPart => ({ expr: fold(sql.raw(column)), cast: 'text' });
const STANDARD_SORTS: Record<string, SortPart[]> = {
  lastName: [foldedSort('p.last_name'), foldedSort('p.first_name')],
  firstName: [foldedSort('p.first_name'), foldedSort('p.last_name')],
  createdAt: [{ expr: sql.raw('p.created_at'), cast: 'timestamptz' }],
  updatedAt: [{ expr: sql.raw('p.updated_at'), cast: 'timestamptz' }],
  postalCode: [{ expr: sql.raw('pa.postal_code'), cast: 'text' }],
  city: [foldedSort('pa.city')],
};

const SORT_CASTS: Partial<Record<FieldType, SortPart['cast']>> = {
  number: 'numeric',
  date: 'date',
  boolean: 'boolean',
};

export function compileSort(sort: string | undefined, context: CompileContext): CompiledSort {
  const value = sort ?? 'lastName';
  if (!contactSortSchema.safeParse(value).success)
    throw new AppError('contact_lists.bad_sort', { details: { sort: value } });
  const descending = value.startsWith('-');
  const field = descending ? value.slice(1) : value;
  const standard = STANDARD_SORTS[field];
  if (standard) return { parts: standard, descending };
  const key = field.slice('customFields.'.length);
  const definition = context.definitions.get(key);
  if (!definition || definition.type === 'multi_choice')
    throw new AppError('contact_lists.bad_sort', { details: { sort: value } });
  if (definition.sensitive && !context.canReadSensitive) {
    throw new AppError('common.forbidden', { details: { permission: 'contacts.read_sensitive' } });
  }
  const type = CUSTOM_TYPES[definition.type] ?? 'text';
  return { parts: [{ expr: customFieldExpr(key, type), cast: SORT_CASTS[type] ?? 'text' }], descending };
}

export function orderBy(sort: CompiledSort): SQL {
  const direction = sql.raw(sort.descending ? 'DESC' : 'ASC');
  return sql.join(
    [...sort.parts.map((part) => sql`${part.expr} ${direction}`), sql`p.id ${direction}`],
    sql`, `,
  );
}

/** The sort key as text, selected alongside each row so that the last one becomes the cursor. */
export function sortKeyColumns(sort: CompiledSort): SQL {
  return sql.join(
    sort.parts.map((part, index) => sql`(${part.expr})::text AS ${sql.raw(`k${index}`)}`),
    sql`, `,
  );
}

/**
 * Rows strictly after the cursor in `ORDER BY parts…, id` (ASC puts NULLs last, DESC first, as
 * PostgreSQL does by default), so pages neither repeat nor skip rows whose sort key is NULL.
 */
export function keysetCondition(sort: CompiledSort, after: unknown[]): SQL {
  const id = after[after.length - 1];
  if (typeof id !== 'string' || !UUID.test(id) || after.length !== sort.parts.length + 1) {
    throw new AppError('common.bad_cursor');
  }
  let condition = sort.descending ? sql`p.id < ${id}::uuid` : sql`p.id > ${id}::uuid`;
  for (let index = sort.parts.length - 1; index >= 0; index -= 1) {
    const { expr, cast } = sort.parts[index];
    const raw = after[index];
    if (raw !== null && typeof raw !== 'string') throw new AppError('common.bad_cursor');
    const value = raw === null ? null : sql`${raw}::${sql.raw(cast)}`;
    const equal = value === null ? sql`${expr} IS NULL` : sql`${expr} = ${value}`;
    let beyond: SQL;
    if (sort.descending) beyond = value === null ? sql`${expr} IS NOT NULL` : sql`${expr} < ${value}`;
    else beyond = value === null ? sql`false` : sql`(${expr} > ${value} OR ${expr} IS NULL)`;
    condition = sql`(${beyond} OR (${equal} AND ${condition}))`;
  }
  return condition;
}
