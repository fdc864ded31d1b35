import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../app/format';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { JobStatusBadge } from './job-status-badge';
import type { Job } from './jobs-api';
import { useJobs } from './use-jobs';

function ProgressCell({ job }: { job: Job }) {
  const { t } = useTranslation();
  const { done, total } = job.progress;
  const text = total === null ? formatNumber(done) : `${formatNumber(done)} / ${formatNumber(total)}`;
  return (
    <Group gap="xs" wrap="nowrap">
      {total !== null && total > 0 && (
        <Progress.Root w={80}>
          <Progress.Section value={(done / total) * 100} aria-label={t('jobs.progressLabel')} />
        </Progress.Root>
      )}
      <Text size="sm">{text}</Text>
    </Group>
  );
}

export function JobListPage() {
  const { t } = useTranslation();
  const list = useJobs();

  return (
    <>
      <PageHeader title={t('jobs.title')} description={t('jobs.description')} />
      <CursorDataTable<Job>
        list={list}
        label={t('jobs.title')}
        noRecordsText={t('jobs.empty')}
        columns={[
          {
            accessor: 'type',
            title: t('jobs.type'),
            render: (job) => (
              <LinkAnchor to="/admin/jobs/$jobId" params={{ jobId: job.id }} fw={500}>
                {t(`jobs.types.${job.type}`, { defaultValue: job.type })}
              </LinkAnchor>
            ),
          },
          {
            accessor: 'status',
            title: t('fields.status'),
            noWrap: true,
            render: (job) => <JobStatusBadge status={job.status} />,
          },
          {
            accessor: 'progress',
            title: t('jobs.progress'),
            visibleMediaQuery: '(min-width: 48em)',
            render: (job) => <ProgressCell job={job} />,
          },
          {
            accessor: 'createdAt',
            title: t('fields.createdAt'),
            visibleMediaQuery: '(min-width: 62em)',
            render: (job) => formatDateTime(job.createdAt),
          },
          {
            accessor: 'finishedAt',
            title: t('jobs.finishedAt'),
            visibleMediaQuery: '(min-width: 62em)',
            render: (job) => formatDateTime(job.finishedAt),
          },
        ]}
      />
    </>
  );
}
