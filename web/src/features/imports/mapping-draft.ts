import {
  type IntakeMapping,
  type MappingTarget,
  type MappingTransform,
  mappingTargetSchema,
} from '@parterre/contract/intake';

/** What the assistant holds for one source column; an empty target ignores the column. */
export interface ColumnDraft {
  target: MappingTarget | '';
  transform?: MappingTransform;
  format?: string;
}

/** The mapping being edited: one entry per header of the file, in file order. */
export interface MappingDraft {
  source: string;
  columns: Record<string, ColumnDraft>;
  delimiter?: string;
  encoding?: string;
}

export type TargetGroup = 'person' | 'address' | 'order' | 'line' | 'performance' | 'production' | 'venue';

export const targetGroups: TargetGroup[] = [
  'person',
  'address',
  'order',
  'line',
  'performance',
  'production',
  'venue',
];

export function groupOf(target: MappingTarget): TargetGroup {
  if (target.startsWith('person.address.')) return 'address';
  return target.split('.')[0] as TargetGroup;
}

/** Every target of the contract, by group, in the contract's order. */
export function targetsByGroup(): Record<TargetGroup, MappingTarget[]> {
  const groups = Object.fromEntries(targetGroups.map((g) => [g, [] as MappingTarget[]])) as Record<
    TargetGroup,
    MappingTarget[]
  >;
  for (const target of mappingTargetSchema.options) groups[groupOf(target)].push(target);
  return groups;
}

/** The transforms the server accepts for a target, the natural one first (see the server's mapping). */
export function transformsFor(target: MappingTarget): MappingTransform[] {
  if (target === 'person.civility') return ['civility'];
  if (target === 'person.fullName') return ['fullName', 'trim'];
  if (target === 'person.age') return [];
  if (target === 'order.channel') return ['channel'];
  if (target.endsWith('.status')) return ['status'];
  if (target.endsWith('.amount') || target === 'order.total') return ['decimal', 'cents'];
  if (/\.(time|endTime)$/.test(target)) return ['time'];
  if (/\.(date|start|end|birthDate)$/.test(target)) return ['date'];
  return ['trim', 'upper', 'lower'];
}

/** Date patterns offered in the assistant; `ISO` reads 2025-03-12T20:30:00+01:00. */
export const dateFormats = [
  'dd/MM/yyyy',
  'dd/MM/yyyy HH:mm',
  'dd/MM/yy',
  'yyyy-MM-dd',
  'MM/dd/yy HH:mm',
  'ISO',
];

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** One entry per header, filled from a mapping whose column names match exactly or loosely. */
export function draftFromMapping(mapping: IntakeMapping | null, headers: readonly string[]): MappingDraft {
  const specs = Object.entries(mapping?.columns ?? {});
  const columns: Record<string, ColumnDraft> = {};
  for (const header of headers) {
    const spec =
      specs.find(([column]) => column === header)?.[1] ??
      specs.find(([column]) => fold(column) === fold(header))?.[1];
    if (!spec) columns[header] = { target: '' };
    else if (typeof spec === 'string') columns[header] = { target: spec };
    else columns[header] = { ...spec };
  }
  return {
    source: mapping?.source ?? 'fichier',
    columns,
    ...(mapping?.delimiter ? { delimiter: mapping.delimiter } : {}),
    ...(mapping?.encoding ? { encoding: mapping.encoding } : {}),
  };
}

/** Changes a column's target, keeping its transform and format only where they still apply. */
export function retarget(column: ColumnDraft, target: MappingTarget | ''): ColumnDraft {
  if (!target) return { target: '' };
  const allowed = transformsFor(target);
  const transform = column.transform && allowed.includes(column.transform) ? column.transform : undefined;
  const usesDate = (transform ?? allowed[0]) === 'date';
  return {
    target,
    ...(transform ? { transform } : {}),
    ...(usesDate ? { format: column.format ?? 'dd/MM/yyyy' } : {}),
  };
}

/** The mapping JSON the API takes: ignored columns left out, plain targets as strings. */
export function mappingFromDraft(draft: MappingDraft): IntakeMapping {
  const columns: IntakeMapping['columns'] = {};
  for (const [column, spec] of Object.entries(draft.columns)) {
    if (!spec.target) continue;
    columns[column] =
      spec.transform || spec.format
        ? {
            target: spec.target,
            ...(spec.transform ? { transform: spec.transform } : {}),
            ...(spec.format ? { format: spec.format } : {}),
          }
        : spec.target;
  }
  return {
    source: draft.source.trim() || 'fichier',
    columns,
    ...(draft.delimiter ? { delimiter: draft.delimiter } : {}),
    ...(draft.encoding ? { encoding: draft.encoding } : {}),
  };
}

/** Targets chosen for more than one column (the server refuses them). */
export function duplicateTargets(draft: MappingDraft): MappingTarget[] {
  const seen = new Set<MappingTarget>();
  const twice = new Set<MappingTarget>();
  for (const { target } of Object.values(draft.columns)) {
    if (!target) continue;
    if (seen.has(target)) twice.add(target);
    seen.add(target);
  }
  return [...twice];
}

/** Same mapping whatever the order of its columns (a preset sent by name must be the one shown). */
export function sameMapping(a: IntakeMapping, b: IntakeMapping): boolean {
  const canonical = (m: IntakeMapping) =>
    JSON.stringify([
      m.source,
      m.delimiter ?? null,
      m.encoding ?? null,
      Object.entries(m.columns)
        .filter(([, spec]) => spec)
        .sort(([x], [y]) => x.localeCompare(y)),
    ]);
  return canonical(a) === canonical(b);
}
