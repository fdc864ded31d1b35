import type { PreparedRecord } from './match-record.ts';

/**
 * How many records of the base carry each spelling (the `compact` form) of a first name and of a
 * surname. Agreeing on "Gwenaëlle Kerjean" says much more than agreeing on "Marie Martin"
 * (Fellegi–Sunter term-frequency adjustment), and two spellings that are both frequent ("Christine",
 * "Christophe") are two names, not a typo. The scan counts them in one streaming pass before scoring.
 */
export type NameFrequencies = {
  records: number;
  firstNames: ReadonlyMap<string, number>;
  surnames: ReadonlyMap<string, number>;
};

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Counts name spellings over the base (or over a sample of it: shares are what matter). */
export function countNameFrequencies(records: Iterable<PreparedRecord>): NameFrequencies {
  const firstNames = new Map<string, number>();
  const surnames = new Map<string, number>();
  let count = 0;
  for (const record of records) {
    count++;
    if (record.first) increment(firstNames, record.first.compact);
    for (const surname of record.surnames) increment(surnames, surname.compact);
  }
  return { records: count, firstNames, surnames };
}

/** Attaches the base's counts to a prepared record's names; the scorer uses them when present. */
export function applyNameFrequencies(record: PreparedRecord, frequencies: NameFrequencies): PreparedRecord {
  record.baseSize = frequencies.records;
  if (record.first) record.first.count = frequencies.firstNames.get(record.first.compact) ?? 1;
  for (const surname of record.surnames) surname.count = frequencies.surnames.get(surname.compact) ?? 1;
  return record;
}
