import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import type { Order, OrderSummary } from './ticketing-api';

const orderColours: Record<OrderSummary['status'], string> = {
  paid: 'green',
  pending: 'yellow',
  cancelled: 'gray',
  refunded: 'red',
  partially_refunded: 'orange',
};
const ticketColours: Record<Order['lines'][number]['status'], string> = {
  valid: 'green',
  pending: 'yellow',
  cancelled: 'gray',
  refunded: 'red',
};

export function OrderStatusBadge({ status }: { status: OrderSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={orderColours[status]} variant="light" tt="none">
      {t(`ticketing.orderStatus.${status}`)}
    </Badge>
  );
}

export function TicketStatusBadge({ status }: { status: Order['lines'][number]['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={ticketColours[status]} variant="light" tt="none">
      {t(`ticketing.ticketStatus.${status}`)}
    </Badge>
  );
}

/** « 1 234,50 € »; an em dash when unknown. */
export function formatAmount(value: number | null, currency = 'EUR'): string {
  if (value === null) return '—';
  return formatNumber(value, { style: 'currency', currency });
}
