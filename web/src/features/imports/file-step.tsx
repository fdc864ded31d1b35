import {
  Alert,
  Button,
  FileButton,
  Group,
  Loader,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import type { ImportPreview } from './imports-api';

const ACCEPT =
  '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 2 * 1024 * 1024 * 1024;
const PREVIEW_ROWS = 10;
const delimiterNames: Record<string, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'pipe' };

/** The reason a file cannot be imported, checked before anything is uploaded. */
export function fileProblem(file: File): 'badType' | 'empty' | 'tooLarge' | null {
  if (!/\.(csv|tsv|txt|xlsx)$/i.test(file.name)) return 'badType';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_BYTES) return 'tooLarge';
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} o`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, { maximumFractionDigits: 0 })} Ko`;
  return `${formatNumber(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} Mo`;
}

interface FileStepProps {
  file: File | null;
  preview: ImportPreview | null;
  /** Label of the shipped preset the server recognised, if any. */
  suggestedLabel?: string;
  reading: boolean;
  error: unknown;
  onFile: (file: File) => void;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" inherit>
        {label} :
      </Text>{' '}
      <Text span fw={700} inherit>
        {value}
      </Text>
    </Text>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const rows = preview.rows.slice(0, PREVIEW_ROWS);
  return (
    <ScrollArea type="auto" offsetScrollbars viewportProps={{ tabIndex: 0 }}>
      <Table striped withTableBorder withColumnBorders fz="xs" miw={600}>
        <Table.Caption>{t('imports.file.previewCaption', { count: rows.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('imports.file.line')}</Table.Th>
            {preview.headers.map((header) => (
              <Table.Th key={header} scope="col" style={{ whiteSpace: 'nowrap' }}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.rowNumber}>
              <Table.Td>{row.rowNumber}</Table.Td>
              {preview.headers.map((header) => (
                <Table.Td key={header} style={{ whiteSpace: 'pre' }}>
                  {row.values[header]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** Step 1: choose or drop the file; the server tells its format and shows its first rows. */
export function FileStep({ file, preview, suggestedLabel, reading, error, onFile }: FileStepProps) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const accept = (chosen: File | null) => {
    if (!chosen) return;
    const reason = fileProblem(chosen);
    setProblem(reason ? t(`imports.file.${reason}`, { name: chosen.name }) : null);
    if (!reason) onFile(chosen);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    accept(event.dataTransfer.files[0] ?? null);
  };

  return (
    <Stack gap="md">
      <Paper
        withBorder
        p="xl"
        radius="md"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'var(--mantine-primary-color-filled)' : undefined,
          background: dragging ? 'var(--mantine-primary-color-light)' : undefined,
        }}
      >
        <Stack align="center" gap="xs" ta="center">
          <IconFileSpreadsheet size={40} aria-hidden stroke={1.5} />
          <Text fw={600}>{dragging ? t('imports.file.dropActive') : t('imports.file.drop')}</Text>
          <Text size="sm" c="dimmed">
            {t('imports.file.or')}
          </Text>
          <FileButton onChange={accept} accept={ACCEPT}>
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} aria-hidden />}>
                {t('imports.file.choose')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('imports.file.help')}
          </Text>
        </Stack>
      </Paper>
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      {file && !problem && (
        <Text size="sm" fw={500}>
          {t('imports.file.selected', { name: file.name, size: formatBytes(file.size) })}
        </Text>
      )}
      {reading && (
        <Group gap="xs" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{t('imports.file.reading')}</Text>
        </Group>
      )}
      <ErrorAlert error={error} />
      {preview && !reading && (
        <Stack gap="sm">
          <Group gap="lg" wrap="wrap">
            <Fact label={t('imports.file.format')} value={preview.format.kind.toUpperCase()} />
            {preview.format.kind === 'csv' && (
              <>
                <Fact
                  label={t('imports.file.encoding')}
                  value={t(`imports.file.encodings.${preview.format.encoding}`, {
                    defaultValue: preview.format.encoding,
                  })}
                />
                <Fact
                  label={t('imports.file.delimiter')}
                  value={t(`imports.file.delimiters.${delimiterNames[preview.format.delimiter] ?? 'x'}`, {
                    defaultValue: preview.format.delimiter,
                  })}
                />
              </>
            )}
            <Fact label={t('imports.file.columns')} value={formatNumber(preview.headers.length)} />
          </Group>
          {suggestedLabel && (
            <Alert color="green" variant="light">
              {t('imports.file.suggested', { label: suggestedLabel })}
            </Alert>
          )}
          <Title order={2} fz="h4">
            {t('imports.file.previewTitle')}
          </Title>
          <PreviewTable preview={preview} />
        </Stack>
      )}
    </Stack>
  );
}
