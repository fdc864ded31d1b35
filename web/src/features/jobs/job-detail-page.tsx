import { Code, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { JobProgress } from '../../components/job-progress';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { useJob } from './use-jobs';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

const route = getRouteApi('/app/admin/jobs/$jobId');

export function JobDetailPage() {
  const { jobId } = route.useParams();
  const { t } = useTranslation();
  const job = useJob(jobId);

  const back = (
    <LinkAnchor to="/admin/jobs" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('jobs.backToList')}
      </Group>
    </LinkAnchor>
  );

  if (job.isError && !job.data) return <ErrorAlert error={job.error} />;
  if (!job.data) return <Skeleton height={240} />;
  const j = job.data;

  return (
    <>
      <PageHeader
        back={back}
        title={t(`jobs.types.${j.type}`, { defaultValue: j.type })}
        description={j.id}
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <JobProgress jobId={jobId} />
        </Paper>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Fact label={t('fields.createdAt')} value={formatDateTime(j.createdAt)} />
            <Fact label={t('jobs.startedAt')} value={formatDateTime(j.startedAt)} />
            <Fact label={t('jobs.finishedAt')} value={formatDateTime(j.finishedAt)} />
          </SimpleGrid>
        </Paper>
        {j.result !== null && j.result !== undefined && (
          <Paper withBorder p="md">
            <Title order={2} fz="h5" mb="xs">
              {t('jobs.result')}
            </Title>
            <Code block>{JSON.stringify(j.result, null, 2)}</Code>
          </Paper>
        )}
      </Stack>
    </>
  );
}
