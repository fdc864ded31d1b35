import { Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { Fact } from '../contact-record/record-section';
import { formatAmount, OrderStatusBadge, TicketStatusBadge } from './sale-labels';
import type { Order } from './ticketing-api';
import { useOrder } from './use-ticketing';

const route = getRouteApi('/app/ticketing/orders/$orderId');

type Line = Order['lines'][number];

function OrderFacts({ order }: { order: Order }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="order-facts">
      <Title order={2} fz="h4" mb="sm" id="order-facts">
        {t('ticketing.order.details')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 4 }} spacing="md" m={0}>
        <Fact label={t('ticketing.orders.date')}>{formatDateTime(order.orderedAt)}</Fact>
        <Fact label={t('ticketing.orders.buyer')}>
          {order.buyer ? (
            <LinkAnchor to="/contacts/$personId" params={{ personId: order.buyer.id }}>
              {order.buyer.name}
            </LinkAnchor>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label={t('ticketing.orders.total')}>{formatAmount(order.total, order.currency)}</Fact>
        <Fact label={t('ticketing.orders.status')}>
          <OrderStatusBadge status={order.status} />
        </Fact>
        <Fact label={t('ticketing.orders.channel')}>
          {t(`ticketing.channels.${order.channel}`, { defaultValue: order.channel })}
        </Fact>
        <Fact label={t('ticketing.orders.tickets')}>{order.ticketCount}</Fact>
        <Fact label={t('ticketing.order.origin')}>
          <Text size="sm" ff="monospace">
            {order.source} → {order.externalId}
          </Text>
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

function Scans({ line }: { line: Line }) {
  const { t } = useTranslation();
  if (line.scans.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ticketing.order.notScanned')}
      </Text>
    );
  return (
    <Stack gap={0}>
      {line.scans.map((scan) => (
        <Text key={scan.id} size="sm">
          {t('ticketing.order.scannedAt', { date: formatDateTime(scan.scannedAt) })}
        </Text>
      ))}
    </Stack>
  );
}

function Lines({ order }: { order: Order }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="order-lines">
      <Title order={2} fz="h4" mb="sm" id="order-lines">
        {t('ticketing.order.lines', { count: order.lines.length })}
      </Title>
      <DataTable<Line>
        aria-label={t('ticketing.order.linesLabel')}
        withTableBorder
        borderRadius="sm"
        striped
        verticalAlign="top"
        records={order.lines}
        noRecordsText={t('ticketing.order.noLines')}
        minHeight={order.lines.length ? undefined : 120}
        // Focusable, so that the table can be scrolled sideways with the keyboard on narrow screens.
        scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}
        columns={[
          {
            accessor: 'performance',
            title: t('ticketing.order.performance'),
            render: (line) =>
              line.performance ? (
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {line.performance.productionTitle}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[formatDateTime(line.performance.startsAt), line.performance.venueName]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {/* On phones the price category column is hidden: it is told here. */}
                  <Text size="xs" hiddenFrom="xs">
                    {line.priceCategory?.label}
                  </Text>
                </Stack>
              ) : (
                '—'
              ),
          },
          {
            accessor: 'priceCategory',
            title: t('ticketing.order.priceCategory'),
            visibleMediaQuery: '(min-width: 36em)',
            render: (line) => line.priceCategory?.label ?? '—',
          },
          {
            accessor: 'amount',
            title: t('ticketing.order.amount'),
            textAlign: 'right',
            render: (line) => formatAmount(line.amount, order.currency),
          },
          {
            accessor: 'seat',
            title: t('ticketing.order.seat'),
            visibleMediaQuery: '(min-width: 48em)',
            render: (line) => line.seat ?? '—',
          },
          {
            accessor: 'holder',
            title: t('ticketing.order.holder'),
            visibleMediaQuery: '(min-width: 36em)',
            render: (line) =>
              line.holder ? (
                <LinkAnchor to="/contacts/$personId" params={{ personId: line.holder.id }}>
                  {line.holder.name}
                </LinkAnchor>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('ticketing.order.holderIsBuyer')}
                </Text>
              ),
          },
          {
            accessor: 'status',
            title: t('ticketing.order.status'),
            render: (line) => (
              <Stack gap={4} align="flex-start">
                <TicketStatusBadge status={line.status} />
                <Scans line={line} />
              </Stack>
            ),
          },
        ]}
      />
    </Paper>
  );
}

/** /ticketing/orders/$orderId: one order, its tickets and their entry scans. */
export function OrderPage() {
  const { orderId } = route.useParams();
  const { t } = useTranslation();
  const order = useOrder(orderId);

  const back = (
    <LinkAnchor to="/ticketing/orders" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('ticketing.orders.title')}
    </LinkAnchor>
  );
  if (order.isError) return <ErrorAlert error={order.error} onRetry={() => void order.refetch()} />;
  if (!order.data) return <Skeleton height={400} />;
  const data = order.data;

  return (
    <>
      <PageHeader
        back={back}
        title={t('ticketing.order.title', { externalId: data.externalId })}
        description={data.productionTitles.join(', ')}
      />
      <Stack gap="md">
        <OrderFacts order={data} />
        <Lines order={data} />
      </Stack>
    </>
  );
}
