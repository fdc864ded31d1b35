import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { LinkAnchor } from '../../components/router-link';
import { personTitle } from '../contact-record/person-name';
import { usePerson } from '../contact-record/use-contact-record';
import { IDENTITY_PERMISSIONS, type MergeSummary } from './duplicates-api';
import { mergesQueryOptions, useUnmergeContact } from './use-duplicates';

function MergedInto({ merge }: { merge: MergeSummary }) {
  const { t } = useTranslation();
  const survivor = usePerson(merge.survivorId);
  const unmerge = useUnmergeContact();
  const name = survivor.data ? personTitle(survivor.data) || t('contactRecord.unnamed') : '…';
  return (
    <Alert color="blue" mb="md" role="status">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {t('duplicates.mergedNotice.text', { date: formatDateTime(merge.mergedAt), name })}{' '}
          <LinkAnchor
            to="/contacts/$personId"
            params={{ personId: merge.survivorId }}
            size="sm"
            underline="always"
          >
            {t('duplicates.mergedNotice.open')}
          </LinkAnchor>
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          loading={unmerge.isPending}
          onClick={() =>
            unmerge.mutate(merge.mergedId, {
              onSuccess: () =>
                notifications.show({ color: 'green', message: t('duplicates.reviewPage.unmerged') }),
            })
          }
        >
          {t('duplicates.reviewPage.unmerge')}
        </Button>
      </Group>
      <ErrorAlert error={unmerge.error} />
    </Alert>
  );
}

function MergedNoticeFor({ personId }: { personId: string }) {
  const merges = useQuery(mergesQueryOptions(personId));
  const absorbed = merges.data?.find((merge) => merge.mergedId === personId && !merge.undoneAt);
  return absorbed ? <MergedInto merge={absorbed} /> : null;
}

/** On a record merged into another: where it went, and a way back for those who may merge. */
export function MergedNotice({ personId }: { personId: string }) {
  const { can } = useAuth();
  return can(IDENTITY_PERMISSIONS.merge) ? <MergedNoticeFor personId={personId} /> : null;
}
