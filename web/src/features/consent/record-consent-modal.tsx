import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { recordConsentInputSchema } from '@parterre/contract/consent';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import type { ConsentChannel, Purpose, PurposeWording, RecordConsentInput } from './consent-api';
import { formatParisDate, localised, purposeName } from './consent-labels';
import { focusFirstError, schemaErrors } from './schema-errors';
import { usePurpose, usePurposes, useRecordConsent } from './use-consent';

const NO_WORDING = 'none';

interface Values {
  purposeId: string | null;
  channel: ConsentChannel | null;
  status: 'granted' | 'withdrawn';
  /** A wording id, or NO_WORDING. */
  wordingId: string;
  note: string;
}

function toInput(values: Values): RecordConsentInput {
  return {
    purposeId: values.purposeId as string,
    channel: values.channel as ConsentChannel,
    status: values.status,
    wordingId: values.wordingId === NO_WORDING ? null : values.wordingId,
    proof: { source: 'counter', detail: values.note.trim() || null },
  };
}

/** The schema's paths under the form's inputs. */
const formPaths = { 'proof.detail': 'note' };

interface RecordConsentModalProps {
  personId: string;
  opened: boolean;
  onClose: () => void;
}

/** « Enregistrer un consentement » at the box office: one event with source `counter`. */
export function RecordConsentModal({ personId, opened, onClose }: RecordConsentModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const purposes = usePurposes(false);
  const record = useRecordConsent(personId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { purposeId: null, channel: null, status: 'granted', wordingId: NO_WORDING, note: '' },
    validate: (values) => schemaErrors(recordConsentInputSchema, toInput(values), formPaths),
  });
  const active = (purposes.data ?? []).filter((p) => !p.archived);
  const purpose: Purpose | undefined = active.find((p) => p.id === form.values.purposeId);
  const detail = usePurpose(purpose?.id ?? null);
  const wordings: PurposeWording[] = detail.data?.wordings ?? (purpose ? [purpose.currentWording] : []);
  const chosenWording = wordings.find((w) => w.id === form.values.wordingId);

  const choosePurpose = (id: string | null) => {
    const next = active.find((p) => p.id === id);
    form.setFieldValue('purposeId', id);
    // One channel: nothing to choose. The current wording is what is normally shown.
    form.setFieldValue('channel', next?.channels.length === 1 ? next.channels[0] : null);
    form.setFieldValue('wordingId', next ? next.currentWording.id : NO_WORDING);
  };

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      record.mutate(toInput(values), {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('consent.record.recorded') });
          onClose();
        },
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      });
    },
    (errors) => focusFirstError(form, errors),
  );

  return (
    <Modal opened={opened} onClose={onClose} title={t('consent.record.title')} fullScreen={phone} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('consent.record.description')}
          </Text>
          {formError && <ErrorAlert error={formError} />}
          {purposes.isError && <ErrorAlert error={purposes.error} onRetry={() => void purposes.refetch()} />}
          {purposes.data && active.length === 0 && (
            <Alert color="orange" role="alert">
              {t('consent.record.noPurpose')}
            </Alert>
          )}
          <Select
            label={t('consent.record.purpose')}
            required
            data-autofocus
            data={active.map((p) => ({ value: p.id, label: purposeName(p) }))}
            {...form.getInputProps('purposeId')}
            onChange={choosePurpose}
          />
          <Select
            label={t('consent.record.channel')}
            required
            disabled={!purpose}
            data={(purpose?.channels ?? []).map((c) => ({ value: c, label: t(`consent.channel.${c}`) }))}
            {...form.getInputProps('channel')}
          />
          <Radio.Group label={t('consent.record.status')} required {...form.getInputProps('status')}>
            <Stack gap="xs" mt="xs">
              <Radio value="granted" label={t('consent.record.granted')} />
              <Radio value="withdrawn" label={t('consent.record.withdrawn')} />
            </Stack>
          </Radio.Group>
          <Select
            label={t('consent.record.wording')}
            description={t('consent.record.wordingHelp')}
            disabled={!purpose}
            allowDeselect={false}
            data={[
              ...wordings.map((w) => ({
                value: w.id,
                label:
                  w.id === purpose?.currentWording.id
                    ? t('consent.record.wordingCurrent', { version: w.version })
                    : t('consent.record.wordingOld', {
                        version: w.version,
                        date: formatParisDate(w.createdAt),
                      }),
              })),
              { value: NO_WORDING, label: t('consent.record.noWording') },
            ]}
            {...form.getInputProps('wordingId')}
          />
          {chosenWording && (
            <Text
              size="sm"
              component="blockquote"
              m={0}
              pl="sm"
              aria-label={t('consent.record.wordingPreview')}
              style={{ borderLeft: '3px solid var(--mantine-color-gray-4)', whiteSpace: 'pre-wrap' }}
            >
              {localised(chosenWording.text)}
            </Text>
          )}
          <Textarea
            label={t('consent.record.note')}
            description={t('consent.record.noteHelp')}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('consent.record.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
