import {
  type ContactFilter,
  contactFilterSchema,
  type FilterOp,
  type FilterRule,
} from '@parterre/contract/contact-lists';
import { validitySchema } from '@parterre/contract/contacts';
import { type SQL, sql } from 'drizzle-orm';
import { AppError, defineErrors } from '../../platform/errors.ts';
import { hasGrantedConsent } from '../consent/consent-counts.repository.ts';
import { pendingDuplicatePersonIds } from '../identity/duplicate-counts.repository.ts';
import { normalisePhone } from './contact-normalisation.ts';
import { escapeLike } from './contacts-list.sql.ts';

/*
 * Turns a list filter and sort into SQL over `people p` (and `pa`, the primary address joined by
 * the repository). Values only ever travel as bind parameters; identifiers come from the tables below.
 */

defineErrors({
  'contact_lists.bad_filter': {
    status: 400,
    fr: 'Filtre invalide, règle {rule} : {reasonFr}',
    en: 'Invalid filter, rule {rule}: {reasonEn}',
  },
});

export type FieldType =
  | 'text'
  | 'code'
  | 'email'
  | 'phone'
  | 'number'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'uuid'
  | 'tags'
  | 'multi'
  | 'status'
  | 'flag';

export type CustomFieldDefinition = { key: string; label: string; type: string; sensitive: boolean };

export type CompileContext = {
  tenantId: string;
  definitions: Map<string, CustomFieldDefinition>;
  canReadSensitive: boolean;
};

const OPS: Record<FieldType, FilterOp[]> = {
  text: ['eq', 'neq', 'contains', 'startsWith', 'in', 'isEmpty', 'isNotEmpty'],
  code: ['eq', 'neq', 'contains', 'startsWith', 'in', 'isEmpty', 'isNotEmpty'],
  email: ['eq', 'neq', 'contains', 'startsWith', 'in', 'isEmpty', 'isNotEmpty'],
  phone: ['eq', 'neq', 'contains', 'startsWith', 'in', 'isEmpty', 'isNotEmpty'],
  number: ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'isNotEmpty'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'isNotEmpty'],
  datetime: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'isNotEmpty'],
  boolean: ['eq', 'neq', 'isEmpty', 'isNotEmpty'],
  uuid: ['eq', 'neq', 'in', 'isEmpty', 'isNotEmpty'],
  tags: ['hasAny', 'hasAll', 'contains', 'isEmpty', 'isNotEmpty'],
  multi: ['hasAny', 'hasAll', 'contains', 'isEmpty', 'isNotEmpty'],
  // A coordinate's validity: `eq` means "has one with this status", `neq` "has none".
  status: ['eq', 'neq', 'in'],
  // A condition that is never unknown: true or false.
  flag: ['eq', 'neq'],
};

/** Where a field lives: a column of `people`, or rows of a coordinates table (any row may match). */
type FieldSource = { type: FieldType; expr: SQL; table?: 'emails' | 'phones' | 'addresses' };

const STANDARD_FIELDS: Record<string, FieldSource> = {
  firstName: { type: 'text', expr: sql.raw('p.first_name') },
  lastName: { type: 'text', expr: sql.raw('p.last_name') },
  source: { type: 'text', expr: sql.raw('p.source') },
  language: { type: 'code', expr: sql.raw('p.language') },
  departmentId: { type: 'uuid', expr: sql.raw('p.department_id') },
  tags: { type: 'tags', expr: sql.raw('p.tags') },
  createdAt: { type: 'datetime', expr: sql.raw('p.created_at') },
  updatedAt: { type: 'datetime', expr: sql.raw('p.updated_at') },
  email: { type: 'email', expr: sql.raw('x.address'), table: 'emails' },
  phone: { type: 'phone', expr: sql.raw('x.e164'), table: 'phones' },
  postalCode: { type: 'code', expr: sql.raw('x.postal_code'), table: 'addresses' },
  city: { type: 'text', expr: sql.raw('x.city'), table: 'addresses' },
  departementCode: { type: 'code', expr: sql.raw('x.departement_code'), table: 'addresses' },
  emailStatus: { type: 'status', expr: sql.raw('x.validity'), table: 'emails' },
  phoneStatus: { type: 'status', expr: sql.raw('x.validity'), table: 'phones' },
  addressStatus: { type: 'status', expr: sql.raw('x.validity'), table: 'addresses' },
};

export const CUSTOM_TYPES: Record<string, FieldType> = {
  number: 'number',
  date: 'date',
  boolean: 'boolean',
  multi_choice: 'multi',
};

/** A custom field read from the JSON column with the type its definition declares. */
export function customFieldExpr(key: string, type: FieldType): SQL {
  const raw = sql`(p.custom_fields ->> ${key}::text)`;
  const json = sql`(p.custom_fields -> ${key}::text)`;
  switch (type) {
    case 'number':
      return sql`(CASE WHEN ${raw} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN ${raw}::numeric END)`;
    case 'date':
      return sql`(CASE WHEN ${raw} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN ${raw}::date END)`;
    case 'boolean':
      return sql`(CASE WHEN jsonb_typeof(${json}) = 'boolean' THEN ${raw}::boolean END)`;
    case 'multi':
      return json;
    default:
      return raw;
  }
}

class RuleError extends Error {
  constructor(
    readonly part: 'field' | 'op' | 'value',
    readonly fr: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function resolveField(field: string, context: CompileContext): FieldSource {
  const standard = STANDARD_FIELDS[field];
  if (standard) return standard;
  if (field === 'duplicateSuspect') {
    // Uncorrelated, so that the pending pairs are read once (hashed), not once per person.
    return { type: 'flag', expr: sql`(p.id IN (${pendingDuplicatePersonIds(context.tenantId)}))` };
  }
  if (field === 'consentGranted') {
    return { type: 'flag', expr: sql`(${hasGrantedConsent(context.tenantId)})` };
  }
  if (field.startsWith('customFields.')) {
    const key = field.slice('customFields.'.length);
    const definition = context.definitions.get(key);
    if (definition) {
      if (definition.sensitive && !context.canReadSensitive) {
        throw new AppError('common.forbidden', { details: { permission: 'contacts.read_sensitive' } });
      }
      const type = CUSTOM_TYPES[definition.type] ?? 'text';
      return { type, expr: customFieldExpr(key, type) };
    }
  }
  throw new RuleError('field', `champ inconnu « ${field} »`, `unknown field "${field}"`);
}

export const fold = (expr: SQL) => sql`f_unaccent(lower(${expr}))`;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function scalar(value: unknown): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new RuleError('value', 'une valeur simple est attendue', 'a single value is expected');
}

function list(value: unknown): (string | number)[] {
  if (Array.isArray(value) && value.length > 0) return value;
  throw new RuleError('value', 'une liste non vide est attendue', 'a non-empty list is expected');
}

/** Casts and checks one value for the field's type, returning it as a bind parameter. */
function typedValue(type: FieldType, value: unknown): SQL {
  const v = scalar(value);
  switch (type) {
    case 'number': {
      const n = typeof v === 'number' ? v : Number(v);
      if (typeof v === 'boolean' || !Number.isFinite(n) || v === '') {
        throw new RuleError('value', 'un nombre est attendu', 'a number is expected');
      }
      return sql`${String(n)}::numeric`;
    }
    case 'date':
      if (typeof v !== 'string' || !ISO_DATE.test(v) || Number.isNaN(Date.parse(v))) {
        throw new RuleError('value', 'une date AAAA-MM-JJ est attendue', 'a YYYY-MM-DD date is expected');
      }
      return sql`${v}::date`;
    case 'datetime':
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) {
        throw new RuleError('value', 'une date ISO 8601 est attendue', 'an ISO 8601 date is expected');
      }
      return ISO_DATE.test(v) ? sql`${v}::date` : sql`${v}::timestamptz`;
    case 'boolean':
    case 'flag':
      if (typeof v !== 'boolean')
        throw new RuleError('value', 'vrai ou faux est attendu', 'true or false is expected');
      return sql`${v}::boolean`;
    case 'status':
      if (typeof v !== 'string' || !validitySchema.safeParse(v).success) {
        throw new RuleError(
          'value',
          `statut attendu : ${validitySchema.options.join(', ')}`,
          `status expected: ${validitySchema.options.join(', ')}`,
        );
      }
      return sql`${v}`;
    case 'uuid':
      if (typeof v !== 'string' || !UUID.test(v)) {
        throw new RuleError('value', 'un identifiant est attendu', 'an id is expected');
      }
      return sql`${v}::uuid`;
    case 'email':
      return sql`${String(v).trim().toLowerCase()}`;
    case 'phone': {
      const phone = normalisePhone(String(v));
      return sql`${phone.ok ? phone.e164 : String(v).replace(/[^\d+]/g, '')}`;
    }
    case 'text':
      return fold(sql`${String(v)}`);
    default:
      return sql`${String(v).trim()}`;
  }
}

/** Digits of a partial phone as stored in E.164: "06 12" → "+336 12", "0033 6" → "+336". */
function phonePattern(value: string): string {
  const digits = value.replace(/[^\d+]/g, '');
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+33${digits.slice(1)}`;
  return digits;
}

const COMPARATORS: Partial<Record<FilterOp, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=' };

/** The condition for a positive op (never neq / isEmpty, which are negations of eq / isNotEmpty). */
function positiveCondition(source: FieldSource, op: FilterOp, value: unknown): SQL {
  const { type } = source;
  let expr = type === 'text' ? fold(source.expr) : source.expr;
  // A date-only value compares with the day in France, not the UTC instant.
  if (type === 'datetime' && typeof value === 'string' && ISO_DATE.test(value)) {
    expr = sql`(${source.expr} AT TIME ZONE 'Europe/Paris')::date`;
  }
  switch (op) {
    case 'isNotEmpty':
      if (type === 'tags') return sql`cardinality(${expr}) > 0`;
      if (type === 'multi') return sql`(jsonb_typeof(${expr}) = 'array' AND jsonb_array_length(${expr}) > 0)`;
      if (['text', 'code', 'email', 'phone'].includes(type)) return sql`coalesce(${source.expr}, '') <> ''`;
      return sql`${expr} IS NOT NULL`;
    case 'eq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return sql`${expr} ${sql.raw(COMPARATORS[op]!)} ${typedValue(type, value)}`;
    case 'in':
      return sql`${expr} IN (${sql.join(
        list(value).map((item) => typedValue(type, item)),
        sql`, `,
      )})`;
    case 'contains':
    case 'startsWith': {
      if (type === 'tags') return sql`${expr} @> ARRAY[${String(scalar(value))}]::text[]`;
      if (type === 'multi') return sql`jsonb_exists(${expr}, ${String(scalar(value))}::text)`;
      let text = String(scalar(value)).trim();
      if (type === 'phone')
        text = op === 'startsWith' ? phonePattern(text) : text.replace(/\D/g, '').replace(/^0/, '');
      if (type === 'email') text = text.toLowerCase();
      const pattern = `${op === 'contains' ? '%' : ''}${escapeLike(text)}%`;
      return type === 'text' ? sql`${expr} LIKE ${fold(sql`${pattern}`)}` : sql`${expr} LIKE ${pattern}`;
    }
    case 'hasAny':
    case 'hasAll': {
      const items = sql`ARRAY[${sql.join(
        list(value).map((item) => sql`${String(item)}`),
        sql`, `,
      )}]::text[]`;
      if (type === 'tags') return op === 'hasAny' ? sql`${expr} && ${items}` : sql`${expr} @> ${items}`;
      return op === 'hasAny'
        ? sql`jsonb_exists_any(${expr}, ${items})`
        : sql`jsonb_exists_all(${expr}, ${items})`;
    }
    default:
      throw new RuleError('op', `opérateur « ${op} » non géré`, `operator "${op}" is not supported`);
  }
}

const OWNER = { emails: 'emails', phones: 'phones', addresses: 'addresses' } as const;

function compileRule(rule: FilterRule, context: CompileContext): SQL {
  const source = resolveField(rule.field, context);
  if (!OPS[source.type].includes(rule.op)) {
    throw new RuleError(
      'op',
      `l’opérateur « ${rule.op} » ne s’applique pas au champ « ${rule.field} »`,
      `operator "${rule.op}" does not apply to field "${rule.field}"`,
    );
  }
  const negated = rule.op === 'neq' || rule.op === 'isEmpty';
  const positiveOp: FilterOp = rule.op === 'neq' ? 'eq' : rule.op === 'isEmpty' ? 'isNotEmpty' : rule.op;
  if (positiveOp !== 'isNotEmpty' && rule.value === undefined) {
    throw new RuleError('value', 'une valeur est attendue', 'a value is expected');
  }
  const condition = positiveCondition(source, positiveOp, rule.value);
  if (source.table) {
    // The tenant condition lets the planner start from the coordinates' (tenant, value) indexes.
    const exists = sql`EXISTS (SELECT 1 FROM ${sql.raw(OWNER[source.table])} x
      WHERE x.tenant_id = ${context.tenantId}::uuid AND x.person_id = p.id AND ${condition})`;
    return negated ? sql`NOT ${exists}` : exists;
  }
  return negated ? sql`NOT coalesce(${condition}, false)` : condition;
}

/** All rules ANDed; a faulty rule is reported with its position, e.g. `filter.all[2].op`. */
export function compileFilter(filter: ContactFilter | undefined, context: CompileContext): SQL | undefined {
  if (!filter || filter.all.length === 0) return undefined;
  const parts = filter.all.map((rule, index) => {
    try {
      return compileRule(rule, context);
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      throw new AppError('contact_lists.bad_filter', {
        details: { rule: `all[${index}]`, reasonFr: error.fr, reasonEn: error.en },
        fieldErrors: [{ path: `filter.all[${index}].${error.part}`, message: error.fr }],
      });
    }
  });
  return sql.join(parts, sql` AND `);
}

/** Parses the JSON `filter` query parameter; zod's issues name the faulty rule by position. */
export function parseFilterParam(raw: string | undefined): ContactFilter | undefined {
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('contact_lists.bad_filter', {
      details: { rule: '-', reasonFr: 'JSON illisible', reasonEn: 'unreadable JSON' },
      fieldErrors: [{ path: 'filter', message: 'JSON illisible' }],
    });
  }
  const parsed = contactFilterSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const [, index, part] = issue.path;
  const rule = typeof index === 'number' ? `all[${index}]` : '-';
  throw new AppError('contact_lists.bad_filter', {
    details: { rule, reasonFr: issue.message, reasonEn: issue.message },
    fieldErrors: [
      {
        path: `filter${typeof index === 'number' ? `.all[${index}]` : ''}${part ? `.${String(part)}` : ''}`,
        message: issue.message,
      },
    ],
  });
}
