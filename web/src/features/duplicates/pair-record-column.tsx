import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Person } from '@parterre/contract/contacts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDate, formatDateTime, formatNumber } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { LinkAnchor } from '../../components/router-link';
import { CoordinatesDisplay } from '../contact-record/coordinates-display';
import { personTitle } from '../contact-record/person-name';
import { Fact } from '../contact-record/record-section';
import { useFieldFormat } from '../contact-record/use-field-format';
import type { CustomField } from '../custom-fields/custom-fields-api';
import { usePersonTicketing } from '../ticketing/use-ticketing';
import { identityFields, valueAt } from './merge-choices';

function TicketingFacts({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const ticketing = usePersonTicketing(personId);
  if (ticketing.isError) return <ErrorAlert error={ticketing.error} />;
  if (!ticketing.data) return <Skeleton height={48} />;
  const summary = ticketing.data;
  const money = (value: number) => formatNumber(value, { style: 'currency', currency: 'EUR' });
  return (
    <SimpleGrid component="dl" cols={2} spacing="sm" verticalSpacing="xs" m={0}>
      <Fact label={t('duplicates.ticketing.orders')}>{formatNumber(summary.orders.allTime)}</Fact>
      <Fact label={t('duplicates.ticketing.spend')}>{money(summary.spend.allTime)}</Fact>
      <Fact label={t('duplicates.ticketing.visits')}>{formatNumber(summary.visits.allTime)}</Fact>
      <Fact label={t('duplicates.ticketing.lastVisit')}>{formatDate(summary.lastVisitAt)}</Fact>
    </SimpleGrid>
  );
}

interface PairRecordColumnProps {
  person: Person;
  /** "Fiche 1" or "Fiche 2". */
  heading: string;
  survivor: boolean;
  customFields: CustomField[];
  /** Paths whose value differs from the other record's. */
  differing: ReadonlySet<string>;
}

/** One of the two records of a pair, as a titled region: identity, coordinates, tags, custom fields. */
export function PairRecordColumn({
  person,
  heading,
  survivor,
  customFields,
  differing,
}: PairRecordColumnProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { labelOf, format } = useFieldFormat(customFields);
  const titleId = useId();
  const masked = (path: string) => person.masked.includes(path);
  const customPaths = customFields
    .filter((field) => person.customFields[field.key] !== undefined || masked(`customFields.${field.key}`))
    .map((field) => `customFields.${field.key}`);

  return (
    <Paper
      component="section"
      withBorder
      p="md"
      aria-labelledby={titleId}
      style={survivor ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}
    >
      <Stack gap="md">
        <div>
          <Group justify="space-between" gap="xs" align="flex-start">
            <Text size="xs" c="dimmed" fw={700} tt="uppercase">
              {heading}
            </Text>
            <Badge variant={survivor ? 'filled' : 'light'} color={survivor ? undefined : 'gray'} tt="none">
              {survivor ? t('duplicates.reviewPage.kept') : t('duplicates.reviewPage.absorbed')}
            </Badge>
          </Group>
          <Title order={2} fz="h4" id={titleId}>
            <LinkAnchor to="/contacts/$personId" params={{ personId: person.id }} inherit>
              {personTitle(person) || t('contactRecord.unnamed')}
            </LinkAnchor>
          </Title>
          <Text size="xs" c="dimmed">
            {t('duplicates.reviewPage.createdUpdated', {
              created: formatDateTime(person.createdAt),
              updated: formatDateTime(person.updatedAt),
            })}
          </Text>
        </div>
        <section aria-label={t('contactRecord.identity')}>
          <SimpleGrid component="dl" cols={2} spacing="sm" verticalSpacing="xs" m={0}>
            {[...identityFields, ...customPaths].map((path) => (
              <Fact key={path} label={labelOf(path)}>
                {masked(path) ? (
                  t('customFields.masked')
                ) : differing.has(path) ? (
                  <>
                    <Text span fw={700} size="sm">
                      {format(path, valueAt(person, path))}
                    </Text>
                    <Badge size="xs" variant="light" color="orange" tt="none">
                      {t('duplicates.reviewPage.differs')}
                    </Badge>
                  </>
                ) : (
                  format(path, valueAt(person, path))
                )}
              </Fact>
            ))}
          </SimpleGrid>
        </section>
        <section aria-label={t('contactRecord.coordinates')}>
          <Title order={3} fz="h6" mb={4}>
            {t('contactRecord.coordinates')}
          </Title>
          <CoordinatesDisplay emails={person.emails} phones={person.phones} addresses={person.addresses} />
        </section>
        <section aria-label={t('contactRecord.fields.tags')}>
          <Title order={3} fz="h6" mb={4}>
            {t('contactRecord.fields.tags')}
          </Title>
          {person.tags.length > 0 ? (
            <Group gap={6}>
              {person.tags.map((tag) => (
                <Badge key={tag} variant="light" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </section>
        {can('ticketing.read') && (
          <section aria-label={t('duplicates.ticketing.title')}>
            <Title order={3} fz="h6" mb={4}>
              {t('duplicates.ticketing.title')}
            </Title>
            <TicketingFacts personId={person.id} />
          </section>
        )}
      </Stack>
    </Paper>
  );
}
