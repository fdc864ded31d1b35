import type { FilterOp, FilterRule } from '@parterre/contract/contact-lists';
import type { CustomField } from '@parterre/contract/custom-fields';

/*
 * What the people list knows about its fields: which can be filtered (with which operators and
 * which kind of input), shown as columns, sorted and exported. Mirrors the server's compiler
 * (server/src/modules/contacts/contacts-list.compiler.ts), which stays the judge.
 */

type Translate = (key: string) => string;

/** The input a value needs: a text box, a date picker, a select of choices… */
export type ValueKind =
  | 'text'
  | 'number'
  | 'date'
  | 'boolean'
  | 'department'
  | 'tags'
  | 'choice'
  | 'multiChoice'
  | 'status';

export interface FilterField {
  id: string;
  label: string;
  kind: ValueKind;
  ops: FilterOp[];
  /** Allowed values of choice fields. */
  options?: string[];
}

const TEXT_OPS: FilterOp[] = ['contains', 'startsWith', 'eq', 'neq', 'in', 'isEmpty', 'isNotEmpty'];
const NUMBER_OPS: FilterOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'isEmpty', 'isNotEmpty'];
const DATE_OPS: FilterOp[] = ['eq', 'gte', 'lte', 'gt', 'lt', 'neq', 'isEmpty', 'isNotEmpty'];
const LIST_OPS: FilterOp[] = ['hasAny', 'hasAll', 'isEmpty', 'isNotEmpty'];
const CHOICE_OPS: FilterOp[] = ['eq', 'neq', 'in', 'isEmpty', 'isNotEmpty'];
/** On a coordinate's validity: "one of them is", "none of them is", "one of them is among". */
const STATUS_OPS: FilterOp[] = ['eq', 'neq', 'in'];

/** Validity of an e-mail, phone or address (server: `validitySchema`). */
export const coordinateStatuses = ['valid', 'invalid', 'bounced', 'unknown'];

const STANDARD_FILTERS: { id: string; kind: ValueKind; ops: FilterOp[] }[] = [
  { id: 'lastName', kind: 'text', ops: TEXT_OPS },
  { id: 'firstName', kind: 'text', ops: TEXT_OPS },
  { id: 'email', kind: 'text', ops: TEXT_OPS },
  { id: 'phone', kind: 'text', ops: TEXT_OPS },
  {
    id: 'postalCode',
    kind: 'text',
    ops: ['startsWith', 'eq', 'neq', 'in', 'contains', 'isEmpty', 'isNotEmpty'],
  },
  { id: 'city', kind: 'text', ops: TEXT_OPS },
  { id: 'departementCode', kind: 'text', ops: ['eq', 'in', 'neq', 'isEmpty', 'isNotEmpty'] },
  { id: 'tags', kind: 'tags', ops: LIST_OPS },
  { id: 'departmentId', kind: 'department', ops: ['eq', 'neq', 'in', 'isEmpty', 'isNotEmpty'] },
  { id: 'source', kind: 'text', ops: TEXT_OPS },
  { id: 'language', kind: 'text', ops: ['eq', 'neq', 'in', 'isEmpty', 'isNotEmpty'] },
  { id: 'createdAt', kind: 'date', ops: DATE_OPS },
  { id: 'updatedAt', kind: 'date', ops: DATE_OPS },
  { id: 'emailStatus', kind: 'status', ops: STATUS_OPS },
  { id: 'phoneStatus', kind: 'status', ops: STATUS_OPS },
  { id: 'addressStatus', kind: 'status', ops: STATUS_OPS },
  { id: 'duplicateSuspect', kind: 'boolean', ops: ['eq'] },
  { id: 'consentGranted', kind: 'boolean', ops: ['eq'] },
];

export const customFieldId = (field: CustomField) => `customFields.${field.key}`;

function customFilter(field: CustomField): FilterField {
  const base = { id: customFieldId(field), label: field.label };
  switch (field.type) {
    case 'number':
      return { ...base, kind: 'number', ops: NUMBER_OPS };
    case 'date':
      return { ...base, kind: 'date', ops: DATE_OPS };
    case 'boolean':
      return { ...base, kind: 'boolean', ops: ['eq', 'isEmpty', 'isNotEmpty'] };
    case 'choice':
      return { ...base, kind: 'choice', ops: CHOICE_OPS, options: field.options };
    case 'multi_choice':
      return { ...base, kind: 'multiChoice', ops: LIST_OPS, options: field.options };
    default:
      return { ...base, kind: 'text', ops: TEXT_OPS };
  }
}

export function filterFields(t: Translate, customFields: CustomField[]): FilterField[] {
  return [
    ...STANDARD_FILTERS.map((field) => ({ ...field, label: t(`contacts.fields.${field.id}`) })),
    ...customFields.map(customFilter),
  ];
}

/** isEmpty / isNotEmpty need no value; in / hasAny / hasAll take a list. */
export const needsValue = (op: FilterOp) => op !== 'isEmpty' && op !== 'isNotEmpty';
export const takesList = (op: FilterOp) => op === 'in' || op === 'hasAny' || op === 'hasAll';

/** A rule being edited: the value may still be missing. */
export type DraftRule = { key: string; field: string; op: FilterOp; value?: FilterRule['value'] };

export function isComplete(rule: DraftRule): boolean {
  if (!needsValue(rule.op)) return true;
  const { value } = rule;
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/** Keeps complete rules only, without the editing key nor a value where none is expected. */
export function toFilterRules(drafts: DraftRule[]): FilterRule[] {
  return drafts
    .filter(isComplete)
    .map(({ field, op, value }) => (needsValue(op) ? { field, op, value } : { field, op }));
}

// Columns ------------------------------------------------------------------------------------

export interface ListColumn {
  id: string;
  label: string;
  /** Sort key accepted by the server, when the column can be sorted. */
  sortKey?: string;
  /** Export columns giving the same information. */
  exportColumns: string[];
  customField?: CustomField;
}

const STANDARD_COLUMNS: Omit<ListColumn, 'label'>[] = [
  { id: 'lastName', sortKey: 'lastName', exportColumns: ['civility', 'lastName'] },
  { id: 'firstName', sortKey: 'firstName', exportColumns: ['firstName'] },
  { id: 'email', exportColumns: ['email'] },
  { id: 'phone', exportColumns: ['phone'] },
  { id: 'postalCode', sortKey: 'postalCode', exportColumns: ['postalCode'] },
  { id: 'city', sortKey: 'city', exportColumns: ['city'] },
  { id: 'tags', exportColumns: ['tags'] },
  { id: 'departmentId', exportColumns: ['departmentId'] },
  { id: 'createdAt', sortKey: 'createdAt', exportColumns: ['createdAt'] },
  { id: 'updatedAt', sortKey: 'updatedAt', exportColumns: ['updatedAt'] },
];

export const defaultColumnIds = ['lastName', 'firstName', 'email', 'phone', 'postalCode', 'city', 'tags'];

export function listColumns(t: Translate, customFields: CustomField[]): ListColumn[] {
  return [
    ...STANDARD_COLUMNS.map((column) => ({ ...column, label: t(`contacts.fields.${column.id}`) })),
    ...customFields.map((field) => ({
      id: customFieldId(field),
      label: field.label,
      // Multiple choices have no order.
      sortKey: field.type === 'multi_choice' ? undefined : customFieldId(field),
      exportColumns: [customFieldId(field)],
      customField: field,
    })),
  ];
}

/** Every column an export may contain, with its label. */
export function exportColumnOptions(t: Translate, customFields: CustomField[]) {
  const standard = [
    'civility',
    'lastName',
    'firstName',
    'usageName',
    'email',
    'phone',
    'line1',
    'line2',
    'postalCode',
    'city',
    'country',
    'departementCode',
    'tags',
    'source',
    'language',
    'departmentId',
    'createdAt',
    'updatedAt',
    'id',
  ];
  return [
    ...standard.map((id) => ({ value: id, label: t(`contacts.fields.${id}`) })),
    ...customFields.map((field) => ({ value: customFieldId(field), label: field.label })),
  ];
}

// Sorting ------------------------------------------------------------------------------------

export const defaultSort = 'lastName';

export function parseSort(sort: string | undefined): { key: string; descending: boolean } {
  const value = sort ?? defaultSort;
  return value.startsWith('-')
    ? { key: value.slice(1), descending: true }
    : { key: value, descending: false };
}

export function formatSort(key: string, descending: boolean): string {
  return descending ? `-${key}` : key;
}
