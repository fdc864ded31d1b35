import { orderChannelSchema } from '@parterre/contract/intake';
import { orderStatusSchema } from '@parterre/contract/ticketing';
import type { OrderFilters } from './ticketing-api';

const day = /^\d{4}-\d{2}-\d{2}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The filters of « Ventes » as kept in its URL; anything the API would refuse is dropped. */
export function validateOrderListSearch(search: Record<string, unknown>): OrderFilters {
  const filters: OrderFilters = {};
  const status = orderStatusSchema.safeParse(search.status);
  if (status.success) filters.status = status.data;
  const channel = orderChannelSchema.safeParse(search.channel);
  if (channel.success) filters.channel = channel.data;
  const source = text(search.source);
  if (source) filters.source = source.trim().toLowerCase();
  for (const key of ['from', 'to'] as const) {
    const value = text(search[key]);
    if (value && day.test(value)) filters[key] = value;
  }
  for (const key of ['personId', 'performanceId'] as const) {
    const value = text(search[key]);
    if (value && uuid.test(value)) filters[key] = value;
  }
  return filters;
}
