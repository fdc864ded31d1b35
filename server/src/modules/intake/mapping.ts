import {
  type Civility,
  columnMappingSchema,
  intakeMappingSchema,
  type MappingTarget,
  type MappingTransform,
  mappingTargetSchema,
  mappingTransformSchema,
  type OrderChannel,
  type SaleStatus,
} from '@parterre/contract/intake';
import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { type DateParts, isDateFormat, type TimeParts } from './date-parse.ts';
import { assembleRecord } from './record-assembly.ts';
import {
  fold,
  type Outcome,
  transformAge,
  transformCents,
  transformChannel,
  transformCivility,
  transformDate,
  transformDecimal,
  transformStatus,
  transformText,
  transformTime,
} from './transforms.ts';

/** What one row of a ticketing export says, ready for the contacts and ticketing services. */
export type IntakeRecord = {
  person: {
    externalId?: string;
    civility?: Civility;
    firstName?: string;
    lastName?: string;
    /** `yyyy-MM-dd`. */
    birthDate?: string;
    /** Trimmed only: the contacts normalisation validates e-mails and phones. */
    email?: string;
    phone?: string;
    /** Sensitive: present only when the mapping names the column. */
    gender?: string;
    age?: number;
    address?: {
      line1?: string;
      line2?: string;
      postalCode?: string;
      city?: string;
      region?: string;
      country?: string;
    };
  };
  order?: {
    externalId: string;
    /** ISO 8601 with the Europe/Paris offset, e.g. `2025-03-12T20:30:00+01:00`. */
    date?: string;
    channel?: OrderChannel;
    status?: SaleStatus;
    total?: number;
    currency?: string;
  };
  line?: {
    externalId?: string;
    /** In currency units; negative for a refund. */
    amount?: number;
    priceCategory?: string;
    productType?: string;
    seat?: string;
    /** `refunded` when the amount is negative and no status says otherwise. */
    status?: SaleStatus;
  };
  performance?: { externalId?: string; title?: string; start?: string; end?: string };
  production?: { externalId?: string; title?: string; genre?: string };
  venue?: { name?: string };
};

export type RowReason = { column: string; message: string };
export type MapResult = { ok: true; record: IntakeRecord } | { ok: false; reasons: RowReason[] };
export type MapRow = (values: Record<string, string>) => MapResult;

/** Converted cell values by target, before they are put together into a record. */
export type FieldValues = Partial<Record<MappingTarget, string | number | DateParts | TimeParts>>;

type Kind = 'text' | 'date' | 'time' | 'amount' | 'civility' | 'fullName' | 'channel' | 'status' | 'age';

function kindOf(target: MappingTarget): Kind {
  if (target === 'person.civility') return 'civility';
  if (target === 'person.fullName') return 'fullName';
  if (target === 'person.age') return 'age';
  if (target === 'order.channel') return 'channel';
  if (target.endsWith('.status')) return 'status';
  if (target.endsWith('.amount') || target === 'order.total') return 'amount';
  if (/\.(time|endTime)$/.test(target)) return 'time';
  if (/\.(date|start|end|birthDate)$/.test(target)) return 'date';
  return 'text';
}

const NATURAL: Record<Kind, MappingTransform | 'age'> = {
  text: 'trim',
  date: 'date',
  time: 'time',
  amount: 'decimal',
  civility: 'civility',
  fullName: 'fullName',
  channel: 'channel',
  status: 'status',
  age: 'age',
};
const APPLIES_TO: Record<MappingTransform, Kind[]> = {
  date: ['date'],
  time: ['time'],
  decimal: ['amount'],
  cents: ['amount'],
  civility: ['civility'],
  fullName: ['fullName'],
  channel: ['channel'],
  status: ['status'],
  upper: ['text'],
  lower: ['text'],
  trim: ['text', 'fullName'],
};
/** Time targets and the date targets they complete. */
const TIME_OF: Partial<Record<MappingTarget, MappingTarget[]>> = {
  'order.time': ['order.date'],
  'performance.time': ['performance.start', 'performance.date'],
  'performance.endTime': ['performance.end'],
};

type CompiledColumn = {
  column: string;
  target: MappingTarget;
  convert: (raw: string) => Outcome<string | number | DateParts | TimeParts>;
};

/**
 * Checks a mapping against a file's headers and returns the row mapper. Throws `intake.bad_mapping`
 * with one French field error per faulty column (its `path` is the column name).
 */
export function compileMapping(mapping: unknown, headers: readonly string[]): MapRow {
  const errors: FieldError[] = [];
  const addError = (path: string, message: string) =>
    errors.push({ path, code: 'intake.bad_mapping', message });
  const shape = intakeMappingSchema.extend({ columns: z.record(z.string(), z.unknown()) }).safeParse(mapping);
  if (!shape.success) {
    for (const issue of shape.error.issues) addError(issue.path.join('.') || 'mapping', issue.message);
    throw new AppError('intake.bad_mapping', { fieldErrors: errors });
  }
  const columns: CompiledColumn[] = [];
  const usedBy = new Map<MappingTarget, string>();
  for (const [column, spec] of Object.entries(shape.data.columns)) {
    if (spec === null || spec === '') continue;
    const header = findHeader(column, headers);
    if (header.error) addError(column, header.error);
    const parsed = columnMappingSchema.safeParse(spec);
    if (!parsed.success) {
      addError(column, describeBadSpec(column, spec));
      continue;
    }
    const { target, transform, format } =
      typeof parsed.data === 'string' ? { target: parsed.data } : parsed.data;
    const kind = kindOf(target);
    if (transform && !APPLIES_TO[transform].includes(kind)) {
      addError(
        column,
        `Transformation « ${transform} » inapplicable à « ${target} » (colonne « ${column} »)`,
      );
      continue;
    }
    if (format && (transform ?? NATURAL[kind]) === 'date' && !isDateFormat(format)) {
      addError(column, `Format de date invalide « ${format} » pour la colonne « ${column} »`);
      continue;
    }
    const previous = usedBy.get(target);
    if (previous)
      addError(column, `« ${target} » est déjà associé à la colonne « ${previous} » (colonne « ${column} »)`);
    usedBy.set(target, column);
    if (header.name)
      columns.push({ column: header.name, target, convert: converter(transform ?? NATURAL[kind], format) });
  }
  for (const [time, dates] of Object.entries(TIME_OF) as [MappingTarget, MappingTarget[]][]) {
    const column = usedBy.get(time);
    if (column && !dates.some((date) => usedBy.has(date))) {
      addError(
        column,
        `« ${time} » (colonne « ${column} ») demande aussi une colonne « ${dates.join(' » ou « ')} »`,
      );
    }
  }
  const orderColumn = [...usedBy].find(([target]) => target.startsWith('order.'))?.[1];
  if (orderColumn && !usedBy.has('order.externalId') && !usedBy.has('line.externalId')) {
    addError(
      orderColumn,
      `Associez une colonne à « order.externalId » (ou « line.externalId ») pour importer les commandes (colonne « ${orderColumn} »)`,
    );
  }
  if (errors.length > 0) throw new AppError('intake.bad_mapping', { fieldErrors: errors });
  const columnOf = (target: MappingTarget) => columns.find((c) => c.target === target)?.column;
  return (values) => {
    const fields: FieldValues = {};
    const reasons: { column: string; message: string }[] = [];
    for (const { column, target, convert } of columns) {
      const raw = (values[column] ?? '').trim();
      if (!raw) continue;
      const outcome = convert(raw);
      if (!outcome.ok) reasons.push({ column, message: outcome.message });
      else if (outcome.value !== undefined) fields[target] = outcome.value;
    }
    if (reasons.length > 0) return { ok: false, reasons };
    return assembleRecord(fields, columnOf);
  };
}

/** The header a mapping column names: exactly, else ignoring case, accents and spacing. */
function findHeader(column: string, headers: readonly string[]): { name?: string; error?: string } {
  if (headers.includes(column)) return { name: column };
  const wanted = fold(column);
  const matches = headers.filter((header) => fold(header) === wanted);
  if (matches.length === 1) return { name: matches[0] };
  if (matches.length > 1)
    return { error: `Colonne « ${column} » ambiguë : ${matches.map((m) => `« ${m} »`).join(', ')}` };
  return { error: `Colonne « ${column} » absente du fichier` };
}

function describeBadSpec(column: string, spec: unknown): string {
  const target = typeof spec === 'object' && spec !== null ? (spec as { target?: unknown }).target : spec;
  if (!mappingTargetSchema.safeParse(target).success)
    return `Cible inconnue « ${String(target)} » pour la colonne « ${column} »`;
  const transform = (spec as { transform?: unknown }).transform;
  if (transform !== undefined && !mappingTransformSchema.safeParse(transform).success) {
    return `Transformation inconnue « ${String(transform)} » pour la colonne « ${column} »`;
  }
  return `Correspondance invalide pour la colonne « ${column} »`;
}

function converter(transform: MappingTransform | 'age', format?: string): CompiledColumn['convert'] {
  switch (transform) {
    case 'date':
      return (raw) => transformDate(raw, format);
    case 'time':
      return (raw) => transformTime(raw);
    case 'decimal':
      return transformDecimal;
    case 'cents':
      return transformCents;
    case 'civility':
      return transformCivility;
    case 'channel':
      return transformChannel;
    case 'status':
      return transformStatus;
    case 'age':
      return transformAge;
    case 'fullName':
      return (raw) => ({ ok: true, value: raw.trim().replace(/\s+/g, ' ') });
    case 'upper':
    case 'lower':
    case 'trim':
      return (raw) => transformText(raw, transform);
  }
}
