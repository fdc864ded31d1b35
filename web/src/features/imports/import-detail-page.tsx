import { Group, Paper, Skeleton } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { ForbiddenPage } from '../../app/status-pages';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { ImportRunPanel } from './import-run-panel';
import { useImport } from './use-imports';

const route = getRouteApi('/app/imports/$importId');

/** /imports/$importId: progress of a running import, then its report. */
export function ImportDetailPage() {
  const { importId } = route.useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const run = useImport(importId);
  if (!can('intake.import')) return <ForbiddenPage />;

  const back = (
    <LinkAnchor to="/imports" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('imports.history.back')}
      </Group>
    </LinkAnchor>
  );
  if (run.isError && !run.data) return <ErrorAlert error={run.error} />;
  if (!run.data) return <Skeleton height={240} />;
  const { fileName, createdAt, preset, source } = run.data;

  return (
    <>
      <PageHeader
        back={back}
        title={fileName}
        description={t('imports.detail.facts', {
          date: formatDateTime(createdAt),
          preset: preset ?? t('imports.detail.noPreset'),
          source,
        })}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <ImportRunPanel importId={importId} />
      </Paper>
    </>
  );
}
