import { Alert, Button, FileInput, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import type { VCardImportResult } from './contact-record-api';
import { useImportVCards } from './use-contact-record';

function ImportResult({ result }: { result: VCardImportResult }) {
  const { t } = useTranslation();
  const imported = result.cards.filter((card) => card.id);
  return (
    <Alert
      color={result.errors.length ? 'orange' : 'green'}
      role="status"
      title={t('contactRecord.importDone')}
    >
      <Text size="sm" fw={600} mb="xs">
        {t('contactRecord.importCreated', { count: result.created })} ·{' '}
        {t('contactRecord.importUpdated', { count: result.updated })}
      </Text>
      {imported.length > 0 && (
        <List size="sm" spacing={2}>
          {imported.map((card) => (
            <List.Item key={card.index}>
              <LinkAnchor to="/contacts/$personId" params={{ personId: card.id ?? '' }}>
                {t('contactRecord.importCard', { n: card.index + 1 })}
              </LinkAnchor>{' '}
              — {t(`contactRecord.importStatus.${card.status}`)}
            </List.Item>
          ))}
        </List>
      )}
      {result.errors.length > 0 && (
        <List size="sm" spacing={2} mt="xs">
          {result.errors.map((error) => (
            <List.Item key={error.index}>
              {t('contactRecord.importCard', { n: error.index + 1 })} : {error.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** /contacts/import-vcard: a .vcf file creates people, or completes those sharing an e-mail. */
export function VCardImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const importer = useImportVCards();

  return (
    <>
      <PageHeader title={t('contactRecord.importTitle')} description={t('contactRecord.importHelp')} />
      <Stack gap="md" maw={720}>
        <Paper withBorder p="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (file) importer.mutate(file);
            }}
          >
            <Stack gap="sm">
              <FileInput
                label={t('contactRecord.importFile')}
                description={t('contactRecord.importFileHelp')}
                placeholder={t('contactRecord.importPlaceholder')}
                accept=".vcf,.vcard,text/vcard,text/x-vcard"
                clearable
                value={file}
                onChange={(value) => {
                  setFile(value);
                  importer.reset();
                }}
              />
              <Group justify="flex-end">
                <Button
                  type="submit"
                  disabled={!file}
                  loading={importer.isPending}
                  leftSection={<IconFileImport size={16} aria-hidden />}
                >
                  {t('contactRecord.importSubmit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        <ErrorAlert error={importer.error} />
        {importer.data && <ImportResult result={importer.data} />}
      </Stack>
    </>
  );
}
