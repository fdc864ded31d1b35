import type { BuyerInput, OrderInput } from '@parterre/contract/ticketing-push';
import { orderInputSchema } from '@parterre/contract/ticketing-push';
import type { IntakePerson } from '../contacts/people-intake.service.ts';
import type { IntakeRecord } from './mapping.ts';

/** A mapped row, with its spreadsheet number and the values it was read from (for rejections). */
export type MappedRow = { rowNumber: number; values: Record<string, string>; record: IntakeRecord };

export type RowRejection = { rowNumber: number; reason: string; values: Record<string, string> };

/** One order assembled from its ticket rows, or one person known only from a row without an order. */
export type ImportUnit =
  | { kind: 'order'; order: OrderInput; rows: MappedRow[] }
  | { kind: 'person'; person: IntakePerson; rows: MappedRow[] };

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

function buyerOf(person: IntakeRecord['person']): BuyerInput | null {
  const { externalId, civility, firstName, lastName, email, phone, birthDate, address } = person;
  const buyer: BuyerInput = {
    ...(externalId ? { externalId } : {}),
    civility,
    firstName,
    lastName,
    email,
    phone,
    birthDate,
    address: address && Object.values(address).some(isSet) ? address : undefined,
  };
  return Object.values(buyer).some(isSet) ? buyer : null;
}

function hasPerson(person: IntakeRecord['person']): boolean {
  return buyerOf(person) !== null;
}

/**
 * Rows are one per ticket line, the order repeated on each: the first row of an order gives its
 * header and buyer, every row gives a line. A ticket without its own id is numbered within the
 * order (`C501#2`), so that re-importing the same file finds the same lines again.
 */
function orderOf(rows: MappedRow[]): OrderInput | { reason: string } {
  const first = rows[0].record;
  const head = first.order!;
  if (!head.date) return { reason: 'Commande sans date (colonne de date de commande vide)' };
  const lines: OrderInput['lines'] = [];
  for (const [i, { record }] of rows.entries()) {
    const { line, performance, production, venue } = record;
    if (!line && !performance && !production) continue;
    const productionId = production?.externalId ?? production?.title ?? performance?.title;
    const performanceId =
      performance?.externalId ?? [productionId, performance?.start].filter(Boolean).join('@');
    if (!productionId || !performanceId) return { reason: 'Billet sans spectacle ni représentation' };
    lines.push({
      externalId: line?.externalId ?? `${head.externalId}#${i + 1}`,
      performance: {
        externalId: performanceId,
        startsAt: performance?.start,
        endsAt: performance?.end,
        production: {
          externalId: productionId,
          title: production?.title ?? performance?.title ?? productionId,
          genre: production?.genre,
        },
        venue: venue?.name ? { name: venue.name } : undefined,
      },
      priceCategory: line?.priceCategory ?? line?.productType,
      amount: line?.amount ?? 0,
      seat: line?.seat,
      status: line?.status,
    });
  }
  const parsed = orderInputSchema.safeParse({
    externalId: head.externalId,
    orderedAt: head.date,
    channel: head.channel,
    status: head.status,
    total: head.total,
    currency: head.currency?.toUpperCase(),
    buyer: buyerOf(first.person),
    lines,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { reason: `Commande invalide (${issue.path.join('.') || 'commande'} : ${issue.message})` };
}

/**
 * Groups a chunk's mapped rows into orders (by order id, in order of first appearance: an order's
 * rows need not be adjacent within a chunk) and people-only units. Rows that can become neither
 * come back as rejections.
 */
export function groupRows(rows: MappedRow[]): { units: ImportUnit[]; rejections: RowRejection[] } {
  const byOrder = new Map<string, MappedRow[]>();
  const units: (ImportUnit | { kind: 'pending'; key: string })[] = [];
  const rejections: RowRejection[] = [];
  for (const row of rows) {
    const orderId = row.record.order?.externalId;
    if (orderId) {
      const group = byOrder.get(orderId);
      if (group) group.push(row);
      else {
        byOrder.set(orderId, [row]);
        units.push({ kind: 'pending', key: orderId });
      }
    } else if (hasPerson(row.record.person)) {
      units.push({ kind: 'person', person: { ...row.record.person }, rows: [row] });
    } else {
      rejections.push({
        rowNumber: row.rowNumber,
        reason: 'Ligne sans commande ni personne',
        values: row.values,
      });
    }
  }
  const result: ImportUnit[] = [];
  for (const unit of units) {
    if (unit.kind !== 'pending') {
      result.push(unit);
      continue;
    }
    const group = byOrder.get(unit.key)!;
    const order = orderOf(group);
    if ('reason' in order) {
      for (const row of group)
        rejections.push({ rowNumber: row.rowNumber, reason: order.reason, values: row.values });
    } else result.push({ kind: 'order', order, rows: group });
  }
  return { units: result, rejections };
}

/** The order id a row belongs to, for not splitting an order across two chunks. */
export function orderKeyOf(record: IntakeRecord): string | undefined {
  return record.order?.externalId;
}
