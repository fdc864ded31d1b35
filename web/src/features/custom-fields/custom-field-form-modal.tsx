import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import {
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldType,
  customFieldTypes,
  hasOptions,
} from './custom-fields-api';
import { useCreateCustomField, useUpdateCustomField } from './use-custom-fields';

/** "Taille de t-shirt" → "taille_de_t_shirt": a valid key proposed from the label. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 63);
  return key;
}

interface CustomFieldFormModalProps {
  opened: boolean;
  onClose: () => void;
  entity: CustomFieldEntity;
  /** The field to edit; none to create one. */
  field: CustomField | null;
  nextPosition: number;
}

export function CustomFieldFormModal({
  opened,
  onClose,
  entity,
  field,
  nextPosition,
}: CustomFieldFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const [formError, setFormError] = useState<string | null>(null);
  const [keyEdited, setKeyEdited] = useState(false);

  const form = useForm({
    initialValues: {
      label: field?.label ?? '',
      key: field?.key ?? '',
      type: (field?.type ?? 'text') as CustomFieldType,
      options: field?.options ?? ([] as string[]),
      required: field?.required ?? false,
      sensitive: field?.sensitive ?? false,
      position: field?.position ?? nextPosition,
    },
    validate: {
      label: (value) => (value.trim() ? null : t('validation.required')),
      key: (value) => (field || value ? null : t('validation.required')),
      options: (value, values) =>
        hasOptions(values.type) && value.length === 0 ? t('customFields.optionsRequired') : null,
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const common = {
      label: values.label.trim(),
      options: hasOptions(values.type) ? values.options : [],
      required: values.required,
      sensitive: values.sensitive,
      position: Number(values.position) || 0,
    };
    const done = (message: string) => {
      notifications.show({ color: 'green', message });
      onClose();
    };
    const onError = (error: unknown) => setFormError(applyProblemToForm(form, error));
    if (field) {
      update.mutate(
        { id: field.id, version: field.version, patch: common },
        { onSuccess: () => done(t('customFields.updated')), onError },
      );
    } else {
      create.mutate(
        { ...common, entity, key: values.key, type: values.type },
        { onSuccess: () => done(t('customFields.created')), onError },
      );
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={field ? t('customFields.editTitle', { label: field.label }) : t('customFields.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && <ErrorAlert error={formError} />}
          <TextInput
            label={t('customFields.label')}
            required
            data-autofocus
            {...form.getInputProps('label')}
            onChange={(event) => {
              form.setFieldValue('label', event.currentTarget.value);
              if (!field && !keyEdited) form.setFieldValue('key', keyFromLabel(event.currentTarget.value));
            }}
          />
          <TextInput
            label={t('customFields.key')}
            description={t('customFields.keyHelp')}
            required={!field}
            disabled={Boolean(field)}
            {...form.getInputProps('key')}
            onChange={(event) => {
              setKeyEdited(true);
              form.setFieldValue('key', event.currentTarget.value);
            }}
          />
          <Select
            label={t('customFields.type')}
            description={field ? t('customFields.typeFixed') : undefined}
            disabled={Boolean(field)}
            allowDeselect={false}
            data={customFieldTypes.map((type) => ({ value: type, label: t(`customFields.types.${type}`) }))}
            {...form.getInputProps('type')}
          />
          {hasOptions(form.values.type) && (
            <TagsInput
              label={t('customFields.options')}
              description={t('customFields.optionsHelp')}
              required
              {...form.getInputProps('options')}
            />
          )}
          <Switch
            label={t('customFields.required')}
            description={t('customFields.requiredHelp')}
            {...form.getInputProps('required', { type: 'checkbox' })}
          />
          <Switch
            label={t('customFields.sensitive')}
            description={t('customFields.sensitiveHelp')}
            {...form.getInputProps('sensitive', { type: 'checkbox' })}
          />
          <NumberInput
            label={t('customFields.position')}
            description={t('customFields.positionHelp')}
            min={0}
            max={10000}
            maw={200}
            {...form.getInputProps('position')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {field ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
