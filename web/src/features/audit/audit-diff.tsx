import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './audit-api';
import { diffRows } from './diff-rows';

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

/** Field-by-field before → after view of one audit entry; changed fields first and highlighted. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffRows(entry.before, entry.after, t('audit.value')).sort(
    (x, y) => Number(y.changed) - Number(x.changed),
  );

  return (
    <Stack gap="xs" p="sm" bg="var(--mantine-color-gray-0)">
      {entry.reason && (
        <Text size="sm">
          <strong>{t('audit.reason')}</strong> {entry.reason}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('audit.details', { ip: entry.ip ?? '—', entityId: entry.entityId ?? '—' })}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t('audit.noChanges')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder withColumnBorders fz="sm" bg="var(--mantine-color-body)">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.field')}</Table.Th>
                <Table.Th scope="col">{t('audit.before')}</Table.Th>
                <Table.Th scope="col">{t('audit.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} bg={row.changed ? 'var(--mantine-color-yellow-0)' : undefined}>
                  <Table.Th scope="row" fw={row.changed ? 700 : 500}>
                    {row.key}
                    {row.changed && <span className="visually-hidden"> ({t('audit.changed')})</span>}
                  </Table.Th>
                  <Table.Td>
                    <pre className="plain-text">{show(row.before)}</pre>
                  </Table.Td>
                  <Table.Td>
                    <pre className="plain-text">{show(row.after)}</pre>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
