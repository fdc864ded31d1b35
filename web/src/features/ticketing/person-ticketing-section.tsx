import { Badge, Group, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDate, formatNumber } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { LinkAnchor } from '../../components/router-link';
import { Fact, RecordSection } from '../contact-record/record-section';
import { formatAmount, OrderStatusBadge } from './sale-labels';
import type { PersonTicketing } from './ticketing-api';
import { usePersonTicketing } from './use-ticketing';

/** « 3 (12 mois) · 8 au total ». */
function Windowed({ value, format }: { value: PersonTicketing['visits']; format: (n: number) => string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {t('ticketing.person.windowed', {
        last12Months: format(value.last12Months),
        allTime: format(value.allTime),
      })}
    </Text>
  );
}

function RecentOrders({ summary }: { summary: PersonTicketing }) {
  const { t } = useTranslation();
  if (summary.recentOrders.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ticketing.person.noOrders')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing={4} aria-label={t('ticketing.person.recentOrders')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ticketing.orders.date')}</Table.Th>
            <Table.Th>{t('ticketing.orders.productions')}</Table.Th>
            <Table.Th ta="right">{t('ticketing.orders.total')}</Table.Th>
            <Table.Th>{t('ticketing.orders.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.recentOrders.map((order) => (
            <Table.Tr key={order.id}>
              <Table.Td>
                <LinkAnchor to="/ticketing/orders/$orderId" params={{ orderId: order.id }} size="sm">
                  {order.orderedAt ? formatDate(order.orderedAt) : t('ticketing.orders.undated')}
                </LinkAnchor>
              </Table.Td>
              <Table.Td fz="sm">{order.productionTitles.join(', ') || '—'}</Table.Td>
              <Table.Td fz="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatAmount(order.total, order.currency)}
              </Table.Td>
              <Table.Td>
                <OrderStatusBadge status={order.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Summary({ summary }: { summary: PersonTicketing }) {
  const { t } = useTranslation();
  const count = (n: number) => formatNumber(n);
  const euros = (n: number) => formatAmount(n);
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
        <Fact label={t('ticketing.person.firstVisit')}>{formatDate(summary.firstVisitAt)}</Fact>
        <Fact label={t('ticketing.person.lastVisit')}>{formatDate(summary.lastVisitAt)}</Fact>
        <Fact label={t('ticketing.person.visits')}>
          <Windowed value={summary.visits} format={count} />
        </Fact>
        <Fact label={t('ticketing.person.spend')}>
          <Windowed value={summary.spend} format={euros} />
        </Fact>
        <Fact label={t('ticketing.person.orders')}>
          <Windowed value={summary.orders} format={count} />
        </Fact>
        <Fact label={t('ticketing.person.tickets')}>
          <Windowed value={summary.tickets} format={count} />
        </Fact>
        <Fact label={t('ticketing.person.disciplines')}>
          {summary.favouriteDisciplines.length
            ? summary.favouriteDisciplines.map((name) => (
                <Badge key={name} variant="light" tt="none">
                  {name}
                </Badge>
              ))
            : '—'}
        </Fact>
        <Fact label={t('ticketing.person.venues')}>
          {summary.favouriteVenues.length
            ? summary.favouriteVenues.map((venue) => (
                <Badge key={venue.id} variant="outline" tt="none">
                  {venue.name}
                </Badge>
              ))
            : '—'}
        </Fact>
      </SimpleGrid>
      <div>
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={600}>
            {t('ticketing.person.recentOrders')}
          </Text>
          {summary.orders.allTime + summary.tickets.allTime > 0 && (
            <LinkAnchor to="/ticketing/orders" search={{ personId: summary.personId }} size="sm">
              {t('ticketing.person.allOrders')}
            </LinkAnchor>
          )}
        </Group>
        <RecentOrders summary={summary} />
      </div>
    </Stack>
  );
}

/** « Billetterie » on a person's record: attendance, spend, tastes and latest orders. */
export function PersonTicketingSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const allowed = can('ticketing.read');
  const summary = usePersonTicketing(personId, allowed);
  if (!allowed) return null;
  return (
    <RecordSection title={t('ticketing.person.title')}>
      {summary.isError ? (
        <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data ? (
        <Summary summary={summary.data} />
      ) : (
        <Skeleton height={160} />
      )}
    </RecordSection>
  );
}
