import { Button, Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatNumber } from '../app/format';
import { JobStatusBadge } from '../features/jobs/job-status-badge';
import { isJobActive, type Job } from '../features/jobs/jobs-api';
import { useCancelJob, useJob } from '../features/jobs/use-jobs';
import { ErrorAlert } from './error-alert';

interface JobProgressProps {
  jobId: string;
  /** Called once when the job reaches a final status (succeeded, failed or cancelled). */
  onFinished?: (job: Job) => void;
  /** Hide the cancel button (e.g. for jobs that cannot be interrupted). */
  cancellable?: boolean;
}

/** Average rate since the job started, in items per second. */
function rateOf(job: Job, now: number): number | null {
  if (!job.startedAt || job.progress.done <= 0) return null;
  const end = job.finishedAt ? new Date(job.finishedAt).getTime() : now;
  const seconds = (end - new Date(job.startedAt).getTime()) / 1000;
  return seconds > 0 ? job.progress.done / seconds : null;
}

/** Live progress of a background job: polls every second while queued or running. */
export function JobProgress({ jobId, onFinished, cancellable = true }: JobProgressProps) {
  const { t } = useTranslation();
  const { data: job, error } = useJob(jobId);
  const cancel = useCancelJob(jobId);
  const reported = useRef(false);

  const active = job ? isJobActive(job.status) : false;
  useEffect(() => {
    if (job && !active && !reported.current) {
      reported.current = true;
      onFinished?.(job);
    }
  }, [job, active, onFinished]);

  if (error && !job) return <ErrorAlert error={error} />;
  if (!job) return <Skeleton height={64} />;

  const { done, total } = job.progress;
  const percent = total ? Math.min(100, (done / total) * 100) : null;
  const rate = rateOf(job, Date.now());
  const remaining = rate && total && active && done < total ? (total - done) / rate : null;
  const indeterminate = active && percent === null;

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <div role="status">
          <JobStatusBadge status={job.status} />
        </div>
        {cancellable && active && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlayerStop size={14} aria-hidden />}
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t('jobs.cancel')}
          </Button>
        )}
      </Group>
      <Progress.Root size="lg">
        <Progress.Section
          value={percent ?? (indeterminate ? 100 : 0)}
          striped={active}
          animated={indeterminate}
          color={job.status === 'failed' ? 'red' : job.status === 'cancelled' ? 'orange' : undefined}
          aria-label={t('jobs.progressLabel')}
          aria-valuetext={
            percent === null
              ? t('jobs.doneCount', { done: formatNumber(done) })
              : t('jobs.percent', { percent: formatNumber(percent, { maximumFractionDigits: 0 }) })
          }
        />
      </Progress.Root>
      <Text size="sm" c="dimmed">
        {total === null
          ? t('jobs.doneCount', { done: formatNumber(done) })
          : t('jobs.doneOfTotal', { done: formatNumber(done), total: formatNumber(total) })}
        {rate !== null && ` · ${t('jobs.rate', { rate: formatNumber(rate, { maximumFractionDigits: 1 }) })}`}
        {remaining !== null && ` · ${t('jobs.eta', { duration: formatDuration(remaining) })}`}
      </Text>
      {job.error && <ErrorAlert error={job.error} title={t('jobs.failed')} />}
      <ErrorAlert error={cancel.error} />
    </Stack>
  );
}
