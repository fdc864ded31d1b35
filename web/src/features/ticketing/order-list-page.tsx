import { CloseButton, Group, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { personTitle } from '../contact-record/person-name';
import { usePerson } from '../contact-record/use-contact-record';
import { OrderFilters } from './order-filters';
import { formatAmount, OrderStatusBadge } from './sale-labels';
import type { OrderSummary } from './ticketing-api';
import { useOrders } from './use-ticketing';

const route = getRouteApi('/app/ticketing/orders');

/** « Commandes de Camille Rousseau », with a button to see everyone's again. */
function PersonFilter({ personId, onClear }: { personId: string; onClear: () => void }) {
  const { t } = useTranslation();
  const person = usePerson(personId);
  const name = person.data ? personTitle(person.data) : '…';
  return (
    <Group gap={4}>
      <Text size="sm" fw={600}>
        {t('ticketing.orders.ofPerson', { name })}
      </Text>
      <CloseButton size="sm" aria-label={t('ticketing.orders.allPeople')} onClick={onClear} />
    </Group>
  );
}

/** « Ventes »: orders from every ticketing system, newest first. */
export function OrderListPage() {
  const { t } = useTranslation();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const list = useOrders(filters);

  return (
    <>
      <PageHeader title={t('ticketing.orders.title')} description={t('ticketing.orders.description')} />
      <Stack gap="md">
        <OrderFilters
          filters={filters}
          onApply={(next) => void navigate({ search: (previous) => ({ ...previous, ...next }) })}
        />
        {filters.personId && (
          <PersonFilter
            personId={filters.personId}
            onClear={() => void navigate({ search: (previous) => ({ ...previous, personId: undefined }) })}
          />
        )}
        <CursorDataTable<OrderSummary>
          list={list}
          label={t('ticketing.orders.title')}
          noRecordsText={t('ticketing.orders.empty')}
          columns={[
            {
              accessor: 'orderedAt',
              title: t('ticketing.orders.date'),
              render: (order) => (
                <LinkAnchor to="/ticketing/orders/$orderId" params={{ orderId: order.id }} fw={500}>
                  {order.orderedAt ? formatDateTime(order.orderedAt) : t('ticketing.orders.undated')}
                </LinkAnchor>
              ),
            },
            {
              accessor: 'buyer',
              title: t('ticketing.orders.buyer'),
              render: (order) =>
                order.buyer ? (
                  <LinkAnchor to="/contacts/$personId" params={{ personId: order.buyer.id }}>
                    {order.buyer.name}
                  </LinkAnchor>
                ) : (
                  '—'
                ),
            },
            {
              accessor: 'productionTitles',
              title: t('ticketing.orders.productions'),
              visibleMediaQuery: '(min-width: 62em)',
              render: (order) => order.productionTitles.join(', ') || '—',
            },
            {
              accessor: 'channel',
              title: t('ticketing.orders.channel'),
              visibleMediaQuery: '(min-width: 48em)',
              render: (order) => t(`ticketing.channels.${order.channel}`, { defaultValue: order.channel }),
            },
            {
              accessor: 'source',
              title: t('ticketing.orders.source'),
              visibleMediaQuery: '(min-width: 75em)',
              render: (order) => order.source,
            },
            {
              accessor: 'ticketCount',
              title: t('ticketing.orders.tickets'),
              textAlign: 'right',
              visibleMediaQuery: '(min-width: 48em)',
              render: (order) => order.ticketCount,
            },
            {
              accessor: 'total',
              title: t('ticketing.orders.total'),
              textAlign: 'right',
              render: (order) => formatAmount(order.total, order.currency),
            },
            {
              accessor: 'status',
              title: t('ticketing.orders.status'),
              render: (order) => <OrderStatusBadge status={order.status} />,
            },
          ]}
        />
      </Stack>
    </>
  );
}
