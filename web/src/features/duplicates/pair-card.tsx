import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { LinkButton } from '../../components/router-link';
import { formatPhone } from '../custom-fields/custom-field-values';
import type { DuplicatePair, DuplicatePerson } from './duplicates-api';
import { MatchReasons, ScoreBadge } from './match-reasons';

function SideSummary({ side }: { side: DuplicatePerson }) {
  const { t } = useTranslation();
  const town = [side.postalCode, side.city].filter(Boolean).join(' ');
  const coordinates = [
    side.birthDate && t('duplicates.bornOn', { date: formatDate(side.birthDate) }),
    side.email,
    side.phone && formatPhone(side.phone),
    town,
  ].filter(Boolean);
  return (
    <Stack gap={2}>
      <Text fw={600}>{side.displayName}</Text>
      {coordinates.map((line) => (
        <Text key={line} size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}

/** One pair of the queue: both names and key coordinates, the score, why, and a link to review it. */
export function PairCard({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const titleId = useId();
  const a = pair.a.displayName;
  const b = pair.b.displayName;
  return (
    <Paper component="article" withBorder p="md" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Title order={2} fz="h5" id={titleId}>
          {a}{' '}
          <Text span c="dimmed" fz="sm">
            {t('duplicates.and')}
          </Text>{' '}
          {b}
        </Title>
        <ScoreBadge score={pair.score} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="sm">
        <SideSummary side={pair.a} />
        <SideSummary side={pair.b} />
      </SimpleGrid>
      <MatchReasons reasons={pair.reasons} hideMissing />
      <Group justify="flex-end" mt="sm">
        <LinkButton
          to="/contacts/duplicates/$pairId"
          params={{ pairId: pair.id }}
          variant="light"
          leftSection={<IconArrowsDiff size={16} aria-hidden />}
          aria-label={t('duplicates.reviewNamed', { a, b })}
        >
          {t('duplicates.review')}
        </LinkButton>
      </Group>
    </Paper>
  );
}
