import { Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { saveBlob } from '../contact-record/download';
import { downloadRejections, type ImportDetail } from './imports-api';

const counts = ['rows', 'created', 'updated', 'unchanged', 'merged', 'rejected'] as const;

function CountCard({ name, value }: { name: (typeof counts)[number]; value: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {t(`imports.report.${name}`)}
      </Text>
      <dd style={{ margin: 0 }}>
        <Text fz="xl" fw={700} c={name === 'rejected' && value > 0 ? 'red.8' : undefined}>
          {formatNumber(value)}
        </Text>
        {name !== 'rows' && (
          <Text size="xs" c="dimmed">
            {t(`imports.report.${name}Help`)}
          </Text>
        )}
      </dd>
    </Paper>
  );
}

/** The values of a rejected row, in file order, as one line of text. */
function rowText(data: Record<string, string>): string {
  return Object.values(data)
    .map((value) => value.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' · ');
}

/** Counts of a finished (or stopped) import or dry run, and its rejected rows with their reasons. */
export function ImportReport({ run }: { run: ImportDetail }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => downloadRejections(run.importId),
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName ?? `rejets-${run.importId}.csv`),
  });
  const headingId = `import-report-${run.importId}`;

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <div>
        <Title order={2} fz="h4" id={headingId}>
          {run.dryRun ? t('imports.report.dryRunTitle') : t('imports.report.title')}
        </Title>
        {run.dryRun && (
          <Text size="sm" c="dimmed">
            {t('imports.report.dryRunNote')}
          </Text>
        )}
      </div>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0}>
        {counts.map((name) => (
          <CountCard key={name} name={name} value={run.counts[name]} />
        ))}
      </SimpleGrid>
      {run.counts.rejected === 0 ? (
        <Text size="sm">{t('imports.report.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Title order={3} fz="h5">
              {t('imports.report.rejectedTitle')}
            </Title>
            <Button
              variant="light"
              h="auto"
              py={8}
              maw="100%"
              styles={{
                inner: { height: 'auto' },
                label: { whiteSpace: 'normal', textAlign: 'left', overflow: 'visible', height: 'auto' },
              }}
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={download.isPending}
              onClick={() => download.mutate()}
            >
              {t('imports.report.download')}
            </Button>
          </Group>
          <ErrorAlert error={download.error} />
          <ScrollArea type="auto" offsetScrollbars viewportProps={{ tabIndex: 0 }}>
            <Table striped withTableBorder fz="sm" miw={560}>
              <Table.Caption>{t('imports.report.rejectedCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('imports.report.line')}</Table.Th>
                  <Table.Th scope="col">{t('imports.report.reason')}</Table.Th>
                  <Table.Th scope="col">{t('imports.report.content')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {run.rejectedRows.map((row) => (
                  <Table.Tr key={row.row}>
                    <Table.Td>{row.row}</Table.Td>
                    <Table.Td>{row.reason}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {rowText(row.data)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>
      )}
    </Stack>
  );
}
