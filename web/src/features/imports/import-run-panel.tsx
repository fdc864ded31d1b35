import { Alert, Button, Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatNumber } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { JobStatusBadge } from '../jobs/job-status-badge';
import { isJobActive } from '../jobs/jobs-api';
import { useCancelJob } from '../jobs/use-jobs';
import { ImportReport } from './import-report';
import type { ImportDetail } from './imports-api';
import { useImport } from './use-imports';

/** Progress bar with rows read, rows per second and time left; a cancel button while it runs. */
function ImportProgress({ run }: { run: ImportDetail }) {
  const { t } = useTranslation();
  const cancel = useCancelJob(run.jobId ?? '');
  const active = isJobActive(run.status);
  const done = run.counts.rows;
  const { estimatedRows, rowsPerSecond, etaSeconds } = run.progress;
  const percent =
    run.status === 'succeeded' ? 100 : estimatedRows ? Math.min(100, (done / estimatedRows) * 100) : null;
  const parts = [
    estimatedRows !== null && active
      ? t('imports.run.rowsOf', { done: formatNumber(done), total: formatNumber(estimatedRows) })
      : t('imports.run.rows', { done: formatNumber(done) }),
    rowsPerSecond !== null &&
      t('imports.run.rate', { rate: formatNumber(rowsPerSecond, { maximumFractionDigits: 0 }) }),
    active && etaSeconds !== null && t('imports.run.eta', { duration: formatDuration(etaSeconds) }),
  ].filter(Boolean);

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <div role="status">
          <JobStatusBadge status={run.status} />
        </div>
        {active && run.jobId && (
          <Button
            size="xs"
            variant="default"
            color="red"
            leftSection={<IconPlayerStop size={14} aria-hidden />}
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t('imports.run.cancel')}
          </Button>
        )}
      </Group>
      <Progress.Root size="lg">
        <Progress.Section
          value={percent ?? (active ? 100 : 0)}
          striped={active}
          animated={active && percent === null}
          color={run.status === 'failed' ? 'red' : run.status === 'cancelled' ? 'orange' : undefined}
          aria-label={t('imports.run.progressLabel')}
          aria-valuetext={parts[0] as string}
        />
      </Progress.Root>
      <Text size="sm" c="dimmed" aria-live="polite">
        {parts.join(' · ')}
      </Text>
      {run.status === 'cancelled' && (
        <Alert color="orange" variant="light">
          {t('imports.run.cancelled')}
        </Alert>
      )}
      {run.error && <ErrorAlert error={run.error} title={t('jobs.failed')} />}
      <ErrorAlert error={cancel.error} />
    </Stack>
  );
}

interface ImportRunPanelProps {
  importId: string;
  /** Called once when the run ends (succeeded, failed or cancelled). */
  onFinished?: (run: ImportDetail) => void;
}

/** Live state of an import or dry run, then its report. */
export function ImportRunPanel({ importId, onFinished }: ImportRunPanelProps) {
  const { data: run, error } = useImport(importId);
  const reported = useRef(false);
  const active = run ? isJobActive(run.status) : true;
  useEffect(() => {
    if (run && !active && !reported.current) {
      reported.current = true;
      onFinished?.(run);
    }
  }, [run, active, onFinished]);

  if (error && !run) return <ErrorAlert error={error} />;
  if (!run) return <Skeleton height={96} />;
  return (
    <Stack gap="lg">
      <ImportProgress run={run} />
      {!active && run.status !== 'failed' && <ImportReport run={run} />}
    </Stack>
  );
}
