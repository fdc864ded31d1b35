import { Badge, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
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
    <Stack
      component="ul"
      gap="xs"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('ticketing.person.recentOrders')}
    >
      {summary.recentOrders.map((order) => (
        <Group component="li" key={order.id} gap="xs" justify="space-between" wrap="wrap">
          <Stack gap={0} style={{ flex: '1 1 12rem', minWidth: 0 }}>
            <LinkAnchor to="/ticketing/orders/$orderId" params={{ orderId: order.id }} size="sm" fw={500}>
              {order.orderedAt ? formatDate(order.orderedAt) : t('ticketing.orders.undated')}
            </LinkAnchor>
            <Text size="xs" c="dimmed">
              {order.productionTitles.join(', ') || '—'}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{formatAmount(order.total, order.currency)}</Text>
            <OrderStatusBadge status={order.status} />
          </Group>
        </Group>
      ))}
    </Stack>
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
