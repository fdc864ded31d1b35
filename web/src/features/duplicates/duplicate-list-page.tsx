import { Button, Group, NumberInput, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { ForbiddenPage } from '../../app/status-pages';
import { ErrorAlert } from '../../components/error-alert';
import { JobProgress } from '../../components/job-progress';
import { PageHeader } from '../../components/page-header';
import { isJobActive, type Job } from '../jobs/jobs-api';
import { jobQueryOptions } from '../jobs/use-jobs';
import { IDENTITY_PERMISSIONS } from './duplicates-api';
import { PairCard } from './pair-card';
import { duplicateKeys, useDuplicates, useScanDuplicates } from './use-duplicates';

const route = getRouteApi('/app/contacts/duplicates');

/** The full-base scan, launched by administrators; its job id stays in the address, so its progress too. */
function ScanPanel({ jobId, onStarted }: { jobId?: string; onStarted: (jobId: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scan = useScanDuplicates();
  const job = useQuery({ ...jobQueryOptions(jobId ?? ''), enabled: jobId !== undefined });
  const running = job.data ? isJobActive(job.data.status) : jobId !== undefined;
  // Announce the end only of a scan started here, not of one found finished in the address.
  const startedHere = useRef<string | null>(null);
  const onFinished = useCallback(
    (job: Job) => {
      void queryClient.invalidateQueries({ queryKey: duplicateKeys.all });
      if (job.status === 'succeeded' && job.id === startedHere.current)
        notifications.show({ color: 'green', message: t('duplicates.scanDone') });
    },
    [queryClient, t],
  );
  return (
    <Stack gap="sm" mb="md">
      <Group>
        <Button
          leftSection={<IconSearch size={16} aria-hidden />}
          loading={scan.isPending}
          disabled={running}
          onClick={() =>
            scan.mutate(undefined, {
              onSuccess: (started) => {
                startedHere.current = started.jobId;
                onStarted(started.jobId);
              },
            })
          }
        >
          {t('duplicates.scan')}
        </Button>
      </Group>
      <ErrorAlert error={scan.error} />
      {jobId && (
        <Paper withBorder p="md" key={jobId}>
          <Title order={2} fz="h5" mb="xs">
            {t('duplicates.scanTitle')}
          </Title>
          <JobProgress jobId={jobId} onFinished={onFinished} />
        </Paper>
      )}
    </Stack>
  );
}

function Queue({ minScore }: { minScore: number | undefined }) {
  const { t } = useTranslation();
  const list = useDuplicates(minScore === undefined ? undefined : minScore / 100);
  const pairs = list.data?.pages.flatMap((page) => page.data) ?? [];
  if (list.isError && !list.data)
    return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isLoading) return <Skeleton height={160} />;
  return (
    <Stack gap="sm" component="section" aria-label={t('duplicates.queue')}>
      {pairs.length === 0 && (
        <Text c="dimmed" py="lg" ta="center">
          {minScore === undefined ? t('duplicates.empty') : t('duplicates.emptyFiltered')}
        </Text>
      )}
      {pairs.map((pair) => (
        <PairCard key={pair.id} pair={pair} />
      ))}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.fetchNextPage()} />}
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {pairs.length > 0 && t('common.shown', { count: pairs.length })}
        </Text>
        {list.hasNextPage && (
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function DuplicateList() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [typed, setTyped] = useState<number | undefined>(search.minScore);
  const [debounced] = useDebouncedValue(typed, 400);
  useEffect(() => {
    if (debounced !== search.minScore) {
      void navigate({ search: (previous) => ({ ...previous, minScore: debounced }), replace: true });
    }
  }, [debounced, search.minScore, navigate]);

  return (
    <>
      <PageHeader title={t('duplicates.title')} description={t('duplicates.description')} />
      {can(IDENTITY_PERMISSIONS.scan) && (
        <ScanPanel
          jobId={search.scan}
          onStarted={(jobId) => void navigate({ search: (previous) => ({ ...previous, scan: jobId }) })}
        />
      )}
      <NumberInput
        label={t('duplicates.minScore')}
        description={t('duplicates.minScoreHelp')}
        placeholder={t('duplicates.minScoreDefault')}
        value={typed ?? ''}
        onChange={(value) => setTyped(typeof value === 'number' ? value : undefined)}
        min={0}
        max={100}
        step={5}
        suffix=" %"
        allowDecimal={false}
        clampBehavior="strict"
        maw={260}
        mb="md"
      />
      <Queue minScore={search.minScore} />
    </>
  );
}

/** /contacts/duplicates: the queue of suspected duplicates, most probable first. */
export function DuplicateListPage() {
  const { can } = useAuth();
  return can(IDENTITY_PERMISSIONS.merge) ? <DuplicateList /> : <ForbiddenPage />;
}
