import { Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconHistory, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/error-alert';
import { RecordSection } from '../contact-record/record-section';
import type { ConsentChannel, ConsentEvent, ConsentState, ContactConsents, Purpose } from './consent-api';
import { ConsentHistoryDrawer } from './consent-history-drawer';
import { formatParisDate, purposeName } from './consent-labels';
import { ConsentStatusBadge } from './consent-status-badge';
import { RecordConsentModal } from './record-consent-modal';
import { useContactConsents, usePurposes } from './use-consent';

interface Row {
  channel: ConsentChannel;
  state: ConsentState | undefined;
  event: ConsentEvent | undefined;
}

/** Active purposes with all their channels, then archived ones that still hold a status. */
function purposeRows(purposes: Purpose[], consents: ContactConsents) {
  const events = new Map(consents.history.map((e) => [e.id, e]));
  return purposes
    .map((purpose) => {
      const states = consents.states.filter((s) => s.purposeId === purpose.id);
      const channels = purpose.archived
        ? states.map((s) => s.channel)
        : [...purpose.channels, ...states.map((s) => s.channel).filter((c) => !purpose.channels.includes(c))];
      const rows: Row[] = channels.map((channel) => {
        const state = states.find((s) => s.channel === channel);
        return { channel, state, event: state ? events.get(state.eventId) : undefined };
      });
      return { purpose, rows };
    })
    .filter(({ rows }) => rows.length > 0);
}

function ChannelRow({ row }: { row: Row }) {
  const { t } = useTranslation();
  return (
    <Group component="li" gap="xs" wrap="wrap" align="center">
      <Text size="sm" w="5.5rem" style={{ flexShrink: 0 }}>
        {t(`consent.channel.${row.channel}`)}
      </Text>
      <ConsentStatusBadge status={row.state?.status ?? 'unknown'} />
      <Text size="xs" c="dimmed" style={{ flex: '1 1 6rem', minWidth: 0 }}>
        {row.state
          ? [
              t('consent.person.since', { date: formatParisDate(row.state.since) }),
              row.event ? t(`consent.source.${row.event.proof.source}`) : null,
            ]
              .filter(Boolean)
              .join(' · ')
          : t('consent.person.noEvent')}
      </Text>
    </Group>
  );
}

/**
 * « Consentements » on a person's record: the current status per purpose × channel, the history
 * with its proofs, and, for box-office agents, recording what the person says at the counter.
 */
export function PersonConsentSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const allowed = can('consent.read');
  const consents = useContactConsents(personId, allowed);
  const purposes = usePurposes(true, allowed);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [recording, setRecording] = useState(false);
  if (!allowed) return null;

  const error = consents.error ?? purposes.error;
  const groups = consents.data && purposes.data ? purposeRows(purposes.data, consents.data) : null;

  return (
    <RecordSection
      title={t('consent.person.title')}
      actions={
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconHistory size={14} aria-hidden />}
            onClick={() => setHistoryOpen(true)}
            disabled={!consents.data}
          >
            {t('consent.person.history')}
          </Button>
          {can('consent.record') && (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setRecording(true)}
            >
              {t('consent.person.record')}
            </Button>
          )}
        </Group>
      }
    >
      {error ? (
        <ErrorAlert
          error={error}
          onRetry={() => {
            void consents.refetch();
            void purposes.refetch();
          }}
        />
      ) : groups ? (
        groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('consent.person.none')}
          </Text>
        ) : (
          <Stack gap="sm">
            {groups.map(({ purpose, rows }) => {
              const name = purposeName(purpose);
              return (
                <div key={purpose.id}>
                  <Group gap="xs" mb={4}>
                    <Text size="sm" fw={600} component="h3" m={0}>
                      {name}
                    </Text>
                    {purpose.archived && (
                      <Badge size="xs" color="gray" variant="light" tt="none">
                        {t('consent.person.archived')}
                      </Badge>
                    )}
                  </Group>
                  <Stack
                    component="ul"
                    gap={6}
                    m={0}
                    p={0}
                    style={{ listStyle: 'none' }}
                    aria-label={t('consent.person.purposeLabel', { name })}
                  >
                    {rows.map((row) => (
                      <ChannelRow key={row.channel} row={row} />
                    ))}
                  </Stack>
                </div>
              );
            })}
          </Stack>
        )
      ) : (
        <Skeleton height={120} />
      )}
      {consents.data && (
        <ConsentHistoryDrawer
          opened={historyOpen}
          onClose={() => setHistoryOpen(false)}
          history={consents.data.history}
          purposes={purposes.data ?? []}
        />
      )}
      {recording && <RecordConsentModal personId={personId} opened onClose={() => setRecording(false)} />}
    </RecordSection>
  );
}
