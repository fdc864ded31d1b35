import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { JobProgress } from '../../components/job-progress';
import { useAllDepartments } from '../departments/use-departments';
import type { PersonListParams } from './contacts-api';
import { type Selection, selectionCount } from './selection';
import { useBulkAction, useRefreshPeople } from './use-contacts';

export type BulkAction = 'tag' | 'untag' | 'set_department' | 'delete';

/** From this many people on, deleting asks to type the number. */
export const typedConfirmationFrom = 20;

interface BulkActionModalProps {
  action: BulkAction | null;
  selection: Selection;
  params: PersonListParams;
  onClose: () => void;
  /** The action was done (at once, or by its job once the modal is closed): the selection can be cleared. */
  onDone: () => void;
}

/** Tags, untags, moves to a department or deletes the selection; large ones run as a job. */
export function BulkActionModal({ action, selection, params, onClose, onDone }: BulkActionModalProps) {
  const { t } = useTranslation();
  const count = selectionCount(selection);
  const bulk = useBulkAction(selection, params);
  const refresh = useRefreshPeople();
  const departments = useAllDepartments();
  const [tag, setTag] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [jobSucceeded, setJobSucceeded] = useState(false);

  const close = () => {
    if (jobSucceeded) onDone();
    setJobSucceeded(false);
    bulk.reset();
    setTag('');
    setDepartmentId(null);
    setTyped('');
    setJobId(null);
    onClose();
  };

  const mustType = action === 'delete' && count >= typedConfirmationFrom;
  const ready = (() => {
    if ((action === 'tag' || action === 'untag') && tag.trim() === '') return false;
    if (action === 'set_department' && departmentId === null) return false;
    return !mustType || typed.replace(/\s/g, '') === String(count);
  })();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!action || !ready) return;
    bulk.mutate(
      {
        action,
        tag: action === 'tag' || action === 'untag' ? tag.trim() : undefined,
        departmentId: action === 'set_department' ? departmentId : undefined,
        confirm: action === 'delete' ? true : undefined,
      },
      {
        onSuccess: (result) => {
          if (result.jobId) {
            setJobId(result.jobId);
            return;
          }
          notifications.show({
            color: 'green',
            message: t(`contacts.bulk.done.${action}`, { count: result.affected ?? 0 }),
          });
          onDone();
          close();
        },
      },
    );
  };

  const title = action ? t(`contacts.bulk.titles.${action}`, { count, formatted: formatNumber(count) }) : '';

  return (
    <Modal opened={action !== null} onClose={close} title={title} centered size="lg">
      {jobId ? (
        <Stack>
          <Text size="sm">{t('contacts.bulk.running')}</Text>
          <JobProgress
            jobId={jobId}
            onFinished={(job) => {
              void refresh();
              setJobSucceeded(job.status === 'succeeded');
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">{t('contacts.bulk.scope', { count, formatted: formatNumber(count) })}</Text>
            {(action === 'tag' || action === 'untag') && (
              <TextInput
                label={t('contacts.bulk.tag')}
                value={tag}
                onChange={(event) => setTag(event.currentTarget.value)}
                maxLength={100}
                required
                data-autofocus
              />
            )}
            {action === 'set_department' && (
              <Select
                label={t('contacts.bulk.department')}
                data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                value={departmentId}
                onChange={setDepartmentId}
                required
                data-autofocus
              />
            )}
            {action === 'delete' && (
              <Alert color="red" variant="light">
                {t('contacts.bulk.deleteWarning', { count, formatted: formatNumber(count) })}
              </Alert>
            )}
            {mustType && (
              <TextInput
                label={t('contacts.bulk.typeCount', { formatted: count })}
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                inputMode="numeric"
                autoComplete="off"
                data-autofocus
              />
            )}
            <ErrorAlert error={bulk.error} />
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={close}
                // Deleting: focus starts on "Cancel" unless the number must be typed.
                {...(action === 'delete' && !mustType ? { 'data-autofocus': true } : {})}
              >
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color={action === 'delete' ? 'red' : undefined}
                disabled={!ready}
                loading={bulk.isPending}
              >
                {action ? t(`contacts.bulk.submit.${action}`) : ''}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
