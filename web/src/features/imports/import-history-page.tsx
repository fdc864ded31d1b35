import { Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDateTime, formatNumber } from '../../app/format';
import { ForbiddenPage } from '../../app/status-pages';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor, LinkButton } from '../../components/router-link';
import { UserName } from '../contact-record/user-name';
import { JobStatusBadge } from '../jobs/job-status-badge';
import type { ImportRun } from './imports-api';
import { useImports } from './use-imports';

/** /imports: the last 100 imports and dry runs, each opening its report. */
export function ImportHistoryPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useImports();
  if (!can('intake.import')) return <ForbiddenPage />;

  const count = (value: number) => formatNumber(value);
  return (
    <>
      <PageHeader
        title={t('imports.history.title')}
        description={t('imports.history.description')}
        actions={
          <LinkButton to="/imports/new" leftSection={<IconFileImport size={16} aria-hidden />}>
            {t('imports.history.new')}
          </LinkButton>
        }
      />
      {list.isError && !list.data ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<ImportRun>
          aria-label={t('imports.history.label')}
          withTableBorder
          borderRadius="sm"
          striped
          highlightOnHover
          verticalAlign="center"
          minHeight={list.data?.items.length ? undefined : 160}
          records={list.data?.items ?? []}
          idAccessor="importId"
          fetching={list.isLoading}
          noRecordsText={t('imports.history.empty')}
          columns={[
            {
              accessor: 'fileName',
              title: t('imports.history.file'),
              render: (run) => (
                <LinkAnchor
                  to="/imports/$importId"
                  params={{ importId: run.importId }}
                  fw={500}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {run.fileName}
                </LinkAnchor>
              ),
            },
            {
              accessor: 'createdAt',
              title: t('imports.history.date'),
              visibleMediaQuery: '(min-width: 48em)',
              render: (run) => formatDateTime(run.createdAt),
            },
            {
              accessor: 'createdBy',
              title: t('imports.history.by'),
              visibleMediaQuery: '(min-width: 62em)',
              render: (run) => (
                <Text size="sm">
                  <UserName id={run.createdBy} />
                </Text>
              ),
            },
            {
              accessor: 'dryRun',
              title: t('imports.history.kind'),
              visibleMediaQuery: '(min-width: 48em)',
              render: (run) => (
                <Text size="sm">
                  {run.dryRun ? t('imports.history.dryRun') : t('imports.history.import')}
                </Text>
              ),
            },
            {
              accessor: 'status',
              title: t('imports.history.status'),
              noWrap: true,
              render: (run) => <JobStatusBadge status={run.status} />,
            },
            {
              accessor: 'rows',
              title: t('imports.history.rows'),
              textAlign: 'right',
              render: (run) => count(run.counts.rows),
            },
            {
              accessor: 'created',
              title: t('imports.history.created'),
              textAlign: 'right',
              visibleMediaQuery: '(min-width: 62em)',
              render: (run) => count(run.counts.created),
            },
            {
              accessor: 'updated',
              title: t('imports.history.updated'),
              textAlign: 'right',
              visibleMediaQuery: '(min-width: 62em)',
              render: (run) => count(run.counts.updated),
            },
            {
              accessor: 'rejected',
              title: t('imports.history.rejected'),
              textAlign: 'right',
              render: (run) => count(run.counts.rejected),
            },
          ]}
        />
      )}
    </>
  );
}
