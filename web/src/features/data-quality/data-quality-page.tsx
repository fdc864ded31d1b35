import { Button, Center, Loader, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type DataQualityIndicator, dataQualityIndicators } from '@parterre/contract/data-quality';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDateTime, formatNumber } from '../../app/format';
import { ForbiddenPage } from '../../app/status-pages';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import type { DataQualityCount, DataQualityReport } from './data-quality-api';
import { useDataQualityReport } from './use-data-quality';

type Row = 'people' | DataQualityIndicator;
const ROWS: Row[] = ['people', ...dataQualityIndicators];

/** One column of the report: the whole base or one source. */
type Column = { key: string; name: string; counts: DataQualityReport['total'] };

function columnsOf(report: DataQualityReport, t: (key: string) => string): Column[] {
  return [
    { key: 'total', name: t('dataQuality.allSources'), counts: report.total },
    ...report.sources.map((entry, index) => ({
      key: `source-${index}`,
      name: entry.source ?? t('dataQuality.noSource'),
      counts: entry.counts,
    })),
  ];
}

/** A count as a link to the people list filtered to exactly those people, with its share. */
function CountCell({ row, column }: { row: Row; column: Column }) {
  const { t } = useTranslation();
  const cell: DataQualityCount = column.counts[row];
  const people = column.counts.people.count;
  const formatted = formatNumber(cell.count);
  return (
    <Stack gap={0} align="flex-end">
      <LinkAnchor
        to="/contacts"
        search={{ filter: cell.filter.all.length > 0 ? cell.filter : undefined }}
        aria-label={t('dataQuality.cellLabel', {
          count: cell.count,
          formatted,
          indicator: t(`dataQuality.indicators.${row}.label`),
          source: column.name,
        })}
        fw={row === 'people' ? 600 : undefined}
      >
        {formatted}
      </LinkAnchor>
      {row !== 'people' && people > 0 && (
        <Text size="xs" c="dimmed">
          {formatNumber(cell.count / people, { style: 'percent', maximumFractionDigits: 1 })}
        </Text>
      )}
    </Stack>
  );
}

function RowHeader({ row }: { row: Row }) {
  const { t } = useTranslation();
  return (
    <Table.Th scope="row" fw={row === 'people' ? 700 : 500}>
      {t(`dataQuality.indicators.${row}.label`)}
      <Text size="xs" c="dimmed" fw={400}>
        {t(`dataQuality.indicators.${row}.hint`)}
      </Text>
    </Table.Th>
  );
}

/** Desktop: indicators down, the whole base then each source across. */
function MatrixTable({ columns }: { columns: Column[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={360 + columns.length * 120}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('dataQuality.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dataQuality.indicator')}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column.key} scope="col" ta="right">
                {column.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((row) => (
            <Table.Tr key={row}>
              <RowHeader row={row} />
              {columns.map((column) => (
                <Table.Td key={column.key}>
                  <CountCell row={row} column={column} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phone: one source at a time, chosen above a two-column table. */
function SingleSourceTable({ columns }: { columns: Column[] }) {
  const { t } = useTranslation();
  const [key, setKey] = useState('total');
  const column = columns.find((c) => c.key === key) ?? columns[0];
  return (
    <Stack gap="sm">
      <Select
        label={t('dataQuality.source')}
        data={columns.map((c) => ({ value: c.key, label: c.name }))}
        value={column.key}
        onChange={(value) => value && setKey(value)}
        allowDeselect={false}
      />
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('dataQuality.captionOne', { source: column.name })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dataQuality.indicator')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {column.name}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((row) => (
            <Table.Tr key={row}>
              <RowHeader row={row} />
              <Table.Td>
                <CountCell row={row} column={column} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Report() {
  const { t } = useTranslation();
  const compact = useMediaQuery('(max-width: 47.99em)') ?? false;
  const report = useDataQualityReport();
  const columns = report.data ? columnsOf(report.data, t) : [];
  return (
    <>
      <PageHeader
        title={t('dataQuality.title')}
        description={
          <>
            {t('dataQuality.description')}{' '}
            {report.data && t('dataQuality.generatedAt', { date: formatDateTime(report.data.generatedAt) })}
          </>
        }
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={report.isFetching}
            onClick={() => void report.refetch()}
          >
            {t('dataQuality.refresh')}
          </Button>
        }
      />
      {report.error ? (
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data ? (
        <Center py="xl" role="status">
          <Loader aria-hidden />
          <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        </Center>
      ) : report.data.total.people.count === 0 ? (
        <Text c="dimmed">{t('dataQuality.empty')}</Text>
      ) : compact ? (
        <SingleSourceTable columns={columns} />
      ) : (
        <MatrixTable columns={columns} />
      )}
    </>
  );
}

/** /data-quality: invalid coordinates, missing key fields and suspected duplicates, per source. */
export function DataQualityPage() {
  const { can } = useAuth();
  return can('contacts.read') && can('data_quality.manage') ? <Report /> : <ForbiddenPage />;
}
