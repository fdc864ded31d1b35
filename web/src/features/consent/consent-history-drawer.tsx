import { Code, Drawer, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Fact } from '../contact-record/record-section';
import type { ConsentEvent, Purpose, PurposeDetail } from './consent-api';
import { formatParisDateTime, localised, purposeName } from './consent-labels';
import { ConsentStatusBadge } from './consent-status-badge';
import { usePurposeDetails } from './use-consent';

function WordingShown({ event, detail }: { event: ConsentEvent; detail: PurposeDetail | undefined }) {
  const { t } = useTranslation();
  if (!event.wordingId) return <Text size="sm">{t('consent.history.noWording')}</Text>;
  const wording = detail?.wordings.find((w) => w.id === event.wordingId);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {t('consent.history.wordingVersion', { version: wording?.version ?? event.wordingVersion })}
      </Text>
      {wording && (
        <Text
          size="sm"
          component="blockquote"
          m={0}
          pl="sm"
          style={{ borderLeft: '3px solid var(--mantine-color-gray-4)', whiteSpace: 'pre-wrap' }}
        >
          {localised(wording.text)}
        </Text>
      )}
    </Stack>
  );
}

function EventCard({
  event,
  purpose,
  detail,
}: {
  event: ConsentEvent;
  purpose: Purpose | undefined;
  detail: PurposeDetail | undefined;
}) {
  const { t } = useTranslation();
  const { proof } = event;
  const name = purposeName(purpose, event.purposeCode);
  const channel = t(`consent.channel.${event.channel}`);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      aria-label={t('consent.history.eventLabel', {
        purpose: name,
        channel,
        status: t(`consent.status.${event.status}`),
      })}
    >
      <Group gap="xs" mb="xs" wrap="wrap">
        <Text fw={600} size="sm">
          {name} · {channel}
        </Text>
        <ConsentStatusBadge status={event.status} />
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
        <Fact label={t('consent.history.occurredAt')}>{formatParisDateTime(event.occurredAt)}</Fact>
        <Fact label={t('consent.history.source')}>{t(`consent.source.${proof.source}`)}</Fact>
        {proof.detail && <Fact label={t('consent.history.detail')}>{proof.detail}</Fact>}
        {proof.fileName && (
          <Fact label={t('consent.history.file')}>
            {proof.fileRow
              ? t('consent.history.fileRow', { file: proof.fileName, row: proof.fileRow })
              : proof.fileName}
          </Fact>
        )}
        {proof.ip && (
          <Fact label={t('consent.history.ip')}>
            <Code>{proof.ip}</Code>
          </Fact>
        )}
        <Fact label={t('consent.history.recordedBy')}>
          {proof.recordedBy.label || t(`consent.recorder.${proof.recordedBy.kind}`)}
        </Fact>
        <Fact label={t('consent.history.recordedAt')}>{formatParisDateTime(event.recordedAt)}</Fact>
      </SimpleGrid>
      {proof.userAgent && (
        <dl style={{ margin: 'var(--mantine-spacing-xs) 0 0' }}>
          <Fact label={t('consent.history.userAgent')}>
            <Text size="xs" style={{ wordBreak: 'break-word' }}>
              {proof.userAgent}
            </Text>
          </Fact>
        </dl>
      )}
      <dl style={{ margin: 'var(--mantine-spacing-xs) 0 0' }}>
        <Fact label={t('consent.history.wording')}>
          <WordingShown event={event} detail={detail} />
        </Fact>
      </dl>
    </Paper>
  );
}

interface ConsentHistoryDrawerProps {
  opened: boolean;
  onClose: () => void;
  /** Newest first, as the API gives it. */
  history: ConsentEvent[];
  purposes: Purpose[];
}

/** Every consent event of a person with its proof and the exact wording shown, newest first. */
export function ConsentHistoryDrawer({ opened, onClose, history, purposes }: ConsentHistoryDrawerProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const purposeIds = opened ? [...new Set(history.map((e) => e.purposeId))] : [];
  const details = usePurposeDetails(purposeIds);
  const detailOf = (id: string) => details.find((d) => d.data?.id === id)?.data;
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      // The theme names the close button of modals, not of drawers.
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size={phone ? '100%' : 'xl'}
      title={t('consent.history.title')}
    >
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('consent.history.empty')}
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed" mb="sm">
            {t('consent.history.parisTime')}
          </Text>
          <Stack
            component="ol"
            gap="sm"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('consent.history.listLabel')}
          >
            {history.map((event) => (
              <EventCard
                key={event.id}
                event={event}
                purpose={purposes.find((p) => p.id === event.purposeId)}
                detail={detailOf(event.purposeId)}
              />
            ))}
          </Stack>
        </>
      )}
    </Drawer>
  );
}
