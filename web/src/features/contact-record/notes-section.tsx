import {
  ActionIcon,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useCurrentUser } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { ErrorAlert } from '../../components/error-alert';
import { useAllDepartments } from '../departments/use-departments';
import type { Note, RecordRef } from './contact-record-api';
import { RecordSection } from './record-section';
import { useNoteMutations, useNotes } from './use-contact-record';
import { UserName } from './user-name';

function NoteForm({ subject }: { subject: RecordRef }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const departments = useAllDepartments();
  const { add } = useNoteMutations(subject);
  const form = useForm({
    initialValues: {
      body: '',
      visibility: 'department' as Note['visibility'],
      departmentId: me.departmentIds[0] ?? null,
    },
    validate: { body: (value) => (value.trim() ? null : t('validation.required')) },
  });
  const mine = (departments.data ?? []).filter((d) => me.departmentIds.includes(d.id));

  const submit = form.onSubmit((values) =>
    add.mutate(
      {
        body: values.body.trim(),
        visibility: values.visibility,
        departmentId: values.departmentId ?? undefined,
      },
      { onSuccess: () => form.setFieldValue('body', '') },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('contactRecord.newNote')}
          autosize
          minRows={2}
          maxLength={20000}
          {...form.getInputProps('body')}
        />
        <Group justify="space-between" align="flex-end" gap="xs">
          <Group gap="xs" align="flex-end">
            <SegmentedControl
              aria-label={t('contactRecord.noteVisibility')}
              size="xs"
              data={[
                { value: 'department', label: t('contactRecord.visibility.department') },
                { value: 'all', label: t('contactRecord.visibility.all') },
              ]}
              {...form.getInputProps('visibility')}
            />
            {mine.length > 1 && (
              <Select
                size="xs"
                aria-label={t('contactRecord.noteDepartment')}
                data={mine.map((d) => ({ value: d.id, label: d.name }))}
                allowDeselect={false}
                w={180}
                {...form.getInputProps('departmentId')}
              />
            )}
          </Group>
          <Button type="submit" size="xs" loading={add.isPending}>
            {t('contactRecord.addNote')}
          </Button>
        </Group>
        <ErrorAlert error={add.error} />
      </Stack>
    </form>
  );
}

/** Notes visible to the caller, newest first, and a form to add one. */
export function NotesSection({ subject }: { subject: RecordRef }) {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const notes = useNotes(subject);
  const { remove } = useNoteMutations(subject);
  const departments = useAllDepartments();
  const [deleting, setDeleting] = useState<Note | null>(null);
  const items = notes.data?.pages.flatMap((page) => page.data) ?? [];
  const departmentName = (id: string | null) => departments.data?.find((d) => d.id === id)?.name;

  return (
    <RecordSection title={t('contactRecord.notes')}>
      <Stack gap="md">
        {can('notes.write') && <NoteForm subject={subject} />}
        <ErrorAlert error={notes.error} />
        {notes.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('contactRecord.noNotes')}
          </Text>
        )}
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((note) => (
            <Stack
              key={note.id}
              component="li"
              gap={4}
              pb="xs"
              style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {note.body}
              </Text>
              <Group gap={6} justify="space-between" wrap="nowrap">
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(note.createdAt)} <UserName id={note.createdBy} />
                  </Text>
                  <Badge
                    size="xs"
                    variant="light"
                    color={note.visibility === 'all' ? 'blue' : 'gray'}
                    tt="none"
                  >
                    {note.visibility === 'all'
                      ? t('contactRecord.visibility.all')
                      : (departmentName(note.departmentId) ?? t('contactRecord.visibility.department'))}
                  </Badge>
                </Group>
                {(note.createdBy === user?.id || can('notes.manage')) && (
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    aria-label={t('contactRecord.deleteNote')}
                    onClick={() => setDeleting(note)}
                  >
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </Stack>
          ))}
        </Stack>
        {notes.hasNextPage && (
          <Button
            variant="default"
            size="xs"
            onClick={() => void notes.fetchNextPage()}
            loading={notes.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
      <ConfirmDeleteModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('contactRecord.deleteNote')}
        message={t('contactRecord.deleteNoteMessage')}
        onConfirm={() => (deleting ? remove.mutateAsync(deleting.id) : Promise.resolve())}
      />
    </RecordSection>
  );
}
