import { Badge, Drawer, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { UserName } from '../contact-record/user-name';
import type { Purpose, PurposeWording } from './consent-api';
import { formatParisDateTime, purposeName } from './consent-labels';
import { usePurpose } from './use-consent';

/** The author's name as it was when written; the id is only resolved for older rows without it. */
function Author({ wording }: { wording: PurposeWording }) {
  const { t } = useTranslation();
  if (wording.createdByName) return <>{t('consent.wordings.by', { name: wording.createdByName })}</>;
  if (!wording.createdBy) return <>{t('consent.wordings.byUnknown')}</>;
  return (
    <>
      {t('consent.wordings.by', { name: '' })}
      <UserName id={wording.createdBy} />
    </>
  );
}

function WordingCard({ wording, current }: { wording: PurposeWording; current: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" aria-current={current ? 'true' : undefined}>
      <Group gap="xs" mb={4} wrap="wrap">
        <Text fw={600}>{t('consent.wordings.version', { version: wording.version })}</Text>
        {current && (
          <Badge color="green" variant="light" tt="none">
            {t('consent.wordings.current')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('consent.wordings.createdAt', { date: formatParisDateTime(wording.createdAt) })}{' '}
        <Author wording={wording} />
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {wording.text.fr}
      </Text>
      {wording.text.en && (
        <Text size="sm" c="dimmed" mt="xs" style={{ whiteSpace: 'pre-wrap' }} lang="en">
          <Text span fw={600} size="xs" c="dimmed" lang="fr">
            {t('consent.wordings.english')} :{' '}
          </Text>
          {wording.text.en}
        </Text>
      )}
    </Paper>
  );
}

/** Every version of a purpose's wording, newest first, with its date and author. */
export function PurposeWordingsDrawer({
  purpose,
  onClose,
}: {
  purpose: Purpose | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const detail = usePurpose(purpose?.id ?? null);
  return (
    <Drawer
      opened={purpose !== null}
      onClose={onClose}
      position="right"
      // The theme names the close button of modals, not of drawers.
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size={phone ? '100%' : 'lg'}
      title={t('consent.wordings.title', { name: purposeName(purpose ?? undefined) })}
    >
      {detail.isError ? (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : detail.data ? (
        <Stack
          component="ol"
          gap="sm"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('consent.wordings.listLabel')}
        >
          {detail.data.wordings.map((wording) => (
            <WordingCard
              key={wording.id}
              wording={wording}
              current={wording.id === detail.data.currentWording.id}
            />
          ))}
        </Stack>
      ) : (
        <Skeleton height={200} />
      )}
    </Drawer>
  );
}
