import { Button, Checkbox, Group, Modal, Radio, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ExportResult } from '@parterre/contract/contact-lists';
import { IconDownload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { JobProgress } from '../../components/job-progress';
import type { Job } from '../jobs/jobs-api';
import { exportDownloadUrl, type PersonListParams } from './contacts-api';
import { type Selection, selectionCount } from './selection';
import { useExportPeople } from './use-contacts';

type Format = 'csv;' | 'csv,' | 'xlsx';

interface ExportModalProps {
  opened: boolean;
  selection: Selection;
  params: PersonListParams;
  /** Export columns available, with their labels. */
  options: { value: string; label: string }[];
  /** Ticked at first: what the table shows. */
  initialColumns: string[];
  onClose: () => void;
}

/** Chooses format and columns, runs the export job, then offers the file. */
export function ExportModal({
  opened,
  selection,
  params,
  options,
  initialColumns,
  onClose,
}: ExportModalProps) {
  const { t } = useTranslation();
  const count = selectionCount(selection);
  const exporter = useExportPeople(selection, params);
  const [format, setFormat] = useState<Format>('csv;');
  const [columns, setColumns] = useState<string[]>(initialColumns);
  const [jobId, setJobId] = useState<string | null>(null);
  const [finished, setFinished] = useState<Job | null>(null);

  const close = () => {
    exporter.reset();
    setJobId(null);
    setFinished(null);
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (columns.length === 0) return;
    // Keep the order of the catalogue, which is the order of the file's columns.
    const ordered = options.map((o) => o.value).filter((value) => columns.includes(value));
    exporter.mutate(
      {
        format: format === 'xlsx' ? 'xlsx' : 'csv',
        delimiter: format === 'csv,' ? ',' : ';',
        columns: ordered,
      },
      { onSuccess: ({ jobId: id }) => setJobId(id) },
    );
  };

  const result = finished?.status === 'succeeded' ? (finished.result as ExportResult | null) : null;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('contacts.export.title', { count, formatted: formatNumber(count) })}
      centered
      size="lg"
    >
      {jobId ? (
        <Stack>
          <JobProgress jobId={jobId} onFinished={setFinished} />
          {result && (
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {t('contacts.export.ready', { count: result.rows, file: result.fileName })}
              </Text>
              <Button
                component="a"
                href={exportDownloadUrl(jobId)}
                download={result.fileName}
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('contacts.export.download')}
              </Button>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Radio.Group
              label={t('contacts.export.format')}
              value={format}
              onChange={(v) => setFormat(v as Format)}
            >
              <Stack gap={6} mt="xs">
                <Radio value="csv;" label={t('contacts.export.csvSemicolon')} />
                <Radio value="csv," label={t('contacts.export.csvComma')} />
                <Radio value="xlsx" label={t('contacts.export.xlsx')} />
              </Stack>
            </Radio.Group>
            <Checkbox.Group
              label={t('contacts.export.columns')}
              value={columns}
              onChange={setColumns}
              error={columns.length === 0 ? t('contacts.export.noColumn') : undefined}
            >
              <ScrollArea.Autosize mah={280} type="auto" mt="xs">
                <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing={6} verticalSpacing={6}>
                  {options.map((option) => (
                    <Checkbox key={option.value} value={option.value} label={option.label} />
                  ))}
                </SimpleGrid>
              </ScrollArea.Autosize>
            </Checkbox.Group>
            <ErrorAlert error={exporter.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={exporter.isPending}
                disabled={columns.length === 0}
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('contacts.export.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
