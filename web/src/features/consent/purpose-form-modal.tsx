import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { createPurposeInputSchema, updatePurposeInputSchema } from '@parterre/contract/consent';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isStaleError } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { consentChannels, getPurpose, legalBases, type Purpose } from './consent-api';
import { purposeName } from './consent-labels';
import {
  codeFromName,
  emptyPurposeValues,
  type PurposeFormValues,
  purposeValues,
  toCreateInput,
  toUpdateInput,
} from './purpose-form-values';
import { focusFirstError, schemaErrors } from './schema-errors';
import { useCreatePurpose, useUpdatePurpose } from './use-consent';

interface PurposeFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The purpose to edit; null to create one. */
  purpose: Purpose | null;
}

/** Creates or edits a purpose; a changed wording becomes a new version, a stale save reloads. */
export function PurposeFormModal({ opened, onClose, purpose }: PurposeFormModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const create = useCreatePurpose();
  const update = useUpdatePurpose();
  const [current, setCurrent] = useState<Purpose | null>(purpose);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [codeEdited, setCodeEdited] = useState(false);

  const form = useForm<PurposeFormValues>({
    initialValues: purpose ? purposeValues(purpose) : emptyPurposeValues,
    validate: (values) =>
      current
        ? schemaErrors(updatePurposeInputSchema, toUpdateInput(values))
        : schemaErrors(createPurposeInputSchema, toCreateInput(values)),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when opened on another purpose
  useEffect(() => {
    if (!opened) return;
    setCurrent(purpose);
    setFormError(null);
    setStale(false);
    setCodeEdited(false);
    form.setValues(purpose ? purposeValues(purpose) : emptyPurposeValues);
    form.resetDirty();
    form.clearErrors();
  }, [opened, purpose]);

  const reload = (latest: Purpose) => {
    setCurrent(latest);
    form.setValues(purposeValues(latest));
    form.resetDirty();
    setStale(true);
  };

  const onError = async (error: unknown) => {
    if (current && error instanceof ApiError && isStaleError(error)) {
      // Someone saved it meanwhile: show their version rather than overwrite it.
      const fresh = error.problem.current as Purpose | undefined;
      reload(fresh?.currentWording ? fresh : await getPurpose(current.id));
      return;
    }
    setFormError(applyProblemToForm(form, error));
  };

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      setStale(false);
      if (current) {
        update.mutate(
          { id: current.id, version: current.version, patch: toUpdateInput(values) },
          {
            onSuccess: (saved) => {
              const newVersion = saved.currentWording.version !== current.currentWording.version;
              notifications.show({
                color: 'green',
                message: newVersion
                  ? t('consent.purposes.updatedNewVersion', { version: saved.currentWording.version })
                  : t('consent.purposes.updated'),
              });
              onClose();
            },
            onError: (error) => void onError(error),
          },
        );
      } else {
        create.mutate(toCreateInput(values), {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('consent.purposes.created') });
            onClose();
          },
          onError: (error) => void onError(error),
        });
      }
    },
    (errors) => focusFirstError(form, errors),
  );

  const wordingChanged =
    current !== null &&
    (form.values.wording.fr !== current.currentWording.text.fr ||
      (form.values.wording.en || null) !== (current.currentWording.text.en || null));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      fullScreen={phone}
      title={
        current ? t('consent.form.editTitle', { name: purposeName(current) }) : t('consent.form.createTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {stale && (
            <Alert color="orange" role="alert">
              {t('errors.staleReloaded')}
            </Alert>
          )}
          {formError && <ErrorAlert error={formError} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('consent.form.nameFr')}
              required
              data-autofocus
              {...form.getInputProps('name.fr')}
              onChange={(event) => {
                form.setFieldValue('name.fr', event.currentTarget.value);
                if (!current && !codeEdited)
                  form.setFieldValue('code', codeFromName(event.currentTarget.value));
              }}
            />
            <TextInput
              label={t('consent.form.code')}
              description={t('consent.form.codeHelp')}
              required={!current}
              disabled={Boolean(current)}
              {...form.getInputProps('code')}
              onChange={(event) => {
                setCodeEdited(true);
                form.setFieldValue('code', event.currentTarget.value);
              }}
            />
          </SimpleGrid>
          <Textarea
            label={t('consent.form.descriptionFr')}
            autosize
            minRows={2}
            {...form.getInputProps('description.fr')}
          />
          <Select
            label={t('consent.form.legalBasis')}
            description={t(`consent.legalBasisHelp.${form.values.legalBasis}`)}
            required
            allowDeselect={false}
            data={legalBases.map((basis) => ({ value: basis, label: t(`consent.legalBasis.${basis}`) }))}
            {...form.getInputProps('legalBasis')}
          />
          <Checkbox.Group
            label={t('consent.form.channels')}
            description={t('consent.form.channelsHelp')}
            required
            {...form.getInputProps('channels')}
          >
            <Group mt="xs">
              {consentChannels.map((channel) => (
                <Checkbox key={channel} value={channel} label={t(`consent.channel.${channel}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('consent.form.retentionText')}
              description={t('consent.form.retentionTextHelp')}
              required
              {...form.getInputProps('retention.text')}
            />
            <NumberInput
              label={t('consent.form.retentionMonths')}
              description={t('consent.form.retentionMonthsHelp')}
              min={1}
              max={1200}
              allowDecimal={false}
              {...form.getInputProps('retention.months')}
            />
          </SimpleGrid>
          <Switch
            label={t('consent.form.trackingAllowed')}
            description={t('consent.form.trackingAllowedHelp')}
            {...form.getInputProps('trackingAllowed', { type: 'checkbox' })}
          />
          <Fieldset legend={t('consent.form.wording')}>
            <Stack gap="sm">
              <Textarea
                label={t('consent.form.wordingFr')}
                description={t('consent.form.wordingHelp')}
                required
                autosize
                minRows={3}
                {...form.getInputProps('wording.fr')}
              />
              {wordingChanged && current && (
                <Alert color="blue" variant="light" role="status">
                  {t('consent.form.wordingChanged', { version: current.currentWording.version + 1 })}
                </Alert>
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('consent.form.english')}>
            <Stack gap="sm">
              <TextInput label={t('consent.form.nameEn')} {...form.getInputProps('name.en')} />
              <Textarea
                label={t('consent.form.descriptionEn')}
                autosize
                minRows={2}
                {...form.getInputProps('description.en')}
              />
              <Textarea
                label={t('consent.form.wordingEn')}
                autosize
                minRows={3}
                {...form.getInputProps('wording.en')}
              />
            </Stack>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {current ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
