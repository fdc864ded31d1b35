import { Badge, Button, Group, Paper, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFilter, IconX } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { UserPicker } from '../users/user-picker';
import type { AuditEntry, AuditFilters } from './audit-api';
import { AuditDiff } from './audit-diff';
import { useAudit } from './use-audit';

const route = getRouteApi('/app/admin/audit');

const empty = { actorId: '', entityType: '', entityId: '', action: '', from: '', to: '' };

function compact(values: typeof empty): AuditFilters {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')) as AuditFilters;
}

/** Read-only journal of every significant change; filters live in the URL so views can be shared. */
export function AuditPage() {
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const onFiltersChange = (next: AuditFilters) => void navigate({ search: next });
  const { t } = useTranslation();
  const list = useAudit(filters);
  const [expanded, setExpanded] = useState<string[]>([]);
  const form = useForm({ initialValues: { ...empty, ...filters } });

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the URL (back/forward)
  useEffect(() => {
    form.setValues({ ...empty, ...filters });
  }, [JSON.stringify(filters)]);

  const active = Object.keys(filters).length;

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Paper withBorder p="md" mb="md">
        <form onSubmit={form.onSubmit((values) => onFiltersChange(compact(values)))}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <TextInput
              label={t('audit.action')}
              placeholder="user.updated"
              {...form.getInputProps('action')}
            />
            <TextInput
              label={t('audit.entityType')}
              placeholder="user"
              {...form.getInputProps('entityType')}
            />
            <TextInput label={t('audit.entityId')} {...form.getInputProps('entityId')} />
            <UserPicker
              label={t('audit.actor')}
              clearable
              value={form.values.actorId || null}
              onChange={(id) => form.setFieldValue('actorId', id ?? '')}
            />
            <TextInput type="date" label={t('audit.from')} {...form.getInputProps('from')} />
            <TextInput type="date" label={t('audit.to')} {...form.getInputProps('to')} />
          </SimpleGrid>
          <Group mt="md" gap="sm">
            <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
              {t('audit.apply')}
            </Button>
            {active > 0 && (
              <Button
                variant="default"
                leftSection={<IconX size={16} aria-hidden />}
                onClick={() => {
                  form.setValues(empty);
                  onFiltersChange({});
                }}
              >
                {t('audit.reset')}
              </Button>
            )}
          </Group>
        </form>
      </Paper>
      <CursorDataTable<AuditEntry>
        list={list}
        label={t('audit.title')}
        noRecordsText={t('audit.empty')}
        rowExpansion={{
          allowMultiple: true,
          expanded: { recordIds: expanded, onRecordIdsChange: setExpanded },
          content: ({ record }) => <AuditDiff entry={record} />,
        }}
        columns={[
          {
            accessor: 'at',
            title: t('audit.at'),
            render: (entry) => (
              <Button
                variant="subtle"
                size="compact-sm"
                aria-expanded={expanded.includes(entry.id)}
                aria-label={t('audit.toggleDetails', { date: formatDateTime(entry.at) })}
                onClick={(event) => {
                  // The row click already toggles; keep keyboard activation working without double toggling.
                  event.stopPropagation();
                  setExpanded((ids) =>
                    ids.includes(entry.id) ? ids.filter((id) => id !== entry.id) : [...ids, entry.id],
                  );
                }}
              >
                {formatDateTime(entry.at)}
              </Button>
            ),
          },
          {
            accessor: 'action',
            title: t('audit.action'),
            render: (entry) => (
              <Badge variant="light" color="gray" tt="none" ff="monospace">
                {entry.action}
              </Badge>
            ),
          },
          {
            accessor: 'entityType',
            title: t('audit.entity'),
            visibleMediaQuery: '(min-width: 48em)',
            render: (entry) => (
              <Text size="sm">
                {entry.entityType}
                {entry.entityId && (
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {' '}
                    {entry.entityId.slice(-8)}
                  </Text>
                )}
              </Text>
            ),
          },
          {
            accessor: 'actorName',
            title: t('audit.actor'),
            render: (entry) => entry.actorName ?? t('audit.system'),
          },
        ]}
      />
    </>
  );
}
