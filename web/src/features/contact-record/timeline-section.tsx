import { Button, Group, SegmentedControl, Select, Stack, Text, Timeline } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import {
  IconBuilding,
  IconClipboardCheck,
  IconGitMerge,
  IconLink,
  IconNote,
  IconPoint,
  IconTicket,
  IconUser,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { useAllDepartments } from '../departments/use-departments';
import type { RecordRef, TimelineEntry } from './contact-record-api';
import { RecordSection } from './record-section';
import { useHasTimelineEntries, useTimeline } from './use-contact-record';

/** Type prefixes behind each filter of the history. */
const typeFilters = {
  all: undefined,
  record: 'contact,person,organisation,relationship,email,phone,address,tag',
  notes: 'note',
  merges: 'contact.merged,merge',
  consents: 'consent',
  ticketing: 'order,ticket',
} as const;
type TypeFilter = keyof typeof typeFilters;

const icons = {
  note: IconNote,
  relationship: IconLink,
  organisation: IconBuilding,
  order: IconTicket,
  ticket: IconTicket,
  merge: IconGitMerge,
  consent: IconClipboardCheck,
} as const;

function EntryIcon({ type }: { type: string }) {
  const entity = type.split('.')[0];
  const Icon =
    type === 'contact.merged'
      ? IconGitMerge
      : (icons[entity as keyof typeof icons] ?? (entity === 'contact' ? IconUser : IconPoint));
  return <Icon size={14} aria-hidden />;
}

function EntryDetails({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const { payload } = entry;
  if (payload.bodyHidden)
    return (
      <Text size="xs" c="dimmed">
        {t('contactRecord.noteHidden')}
      </Text>
    );
  if (typeof payload.excerpt === 'string')
    return (
      <Text size="sm" fs="italic">
        « {payload.excerpt} »
      </Text>
    );
  if (Array.isArray(payload.changes) && payload.changes.length > 0) {
    const fields = payload.changes.map((f) =>
      t(`contactRecord.fields.${String(f)}`, { defaultValue: String(f) }),
    );
    return (
      <Text size="xs" c="dimmed">
        {t('contactRecord.changedFields', { fields: fields.join(', ') })}
      </Text>
    );
  }
  return null;
}

/** The 360° history: newest first, filtered by type and department, loading more on scroll. */
export function TimelineSection({ subject }: { subject: RecordRef }) {
  const { t } = useTranslation();
  const [type, setType] = useState<TypeFilter>('all');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const departments = useAllDepartments();
  const hasTicketing = useHasTimelineEntries(subject, typeFilters.ticketing);
  const timeline = useTimeline(subject, {
    types: typeFilters[type],
    departmentId: departmentId ?? undefined,
  });
  const entries = timeline.data?.pages.flatMap((page) => page.data) ?? [];
  const { ref, entry: sentinel } = useIntersection({ rootMargin: '200px' });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = timeline;

  useEffect(() => {
    if (sentinel?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [sentinel?.isIntersecting, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const filters: TypeFilter[] = [
    'all',
    'record',
    'notes',
    'merges',
    'consents',
    ...(hasTicketing.data ? ['ticketing' as const] : []),
  ];

  return (
    <RecordSection title={t('contactRecord.history')}>
      <Group gap="sm" mb="md" align="flex-end">
        <SegmentedControl
          aria-label={t('contactRecord.historyType')}
          size="xs"
          value={type}
          onChange={(value) => setType(value as TypeFilter)}
          data={filters.map((f) => ({ value: f, label: t(`contactRecord.historyFilters.${f}`) }))}
        />
        <Select
          size="xs"
          aria-label={t('contactRecord.historyDepartment')}
          placeholder={t('contactRecord.allDepartments')}
          clearable
          w={200}
          data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={departmentId}
          onChange={setDepartmentId}
        />
      </Group>
      <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      {timeline.data && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('contactRecord.noHistory')}
        </Text>
      )}
      <Timeline bulletSize={24} lineWidth={2}>
        {entries.map((entry) => (
          <Timeline.Item
            key={entry.id}
            bullet={<EntryIcon type={entry.type} />}
            title={
              <Text size="sm" fw={600}>
                {entry.summary}
              </Text>
            }
          >
            <Stack gap={2}>
              <EntryDetails entry={entry} />
              <Text size="xs" c="dimmed">
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
                {entry.actorName && ` · ${entry.actorName}`}
              </Text>
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
      <div ref={ref} />
      {hasNextPage && (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            size="xs"
            loading={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </RecordSection>
  );
}
