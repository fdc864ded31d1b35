import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleError } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import type { Department } from './departments-api';
import { allDepartmentsQueryOptions, useCreateDepartment, useUpdateDepartment } from './use-departments';

interface DepartmentFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The department to edit; omitted to create one. */
  department?: Department | null;
}

/** Same rule as the contract's codeSchema. */
const codePattern = /^[a-z0-9][a-z0-9_-]{0,49}$/;

export function DepartmentFormModal({ opened, onClose, department }: DepartmentFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const [current, setCurrent] = useState<Department | null>(department ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const form = useForm({
    initialValues: { code: '', name: '', description: '' },
    validate: {
      code: (value) => (codePattern.test(value.trim()) ? null : t('departments.codeRule')),
      name: (value) => (value.trim() ? null : t('validation.required')),
    },
  });

  // Reset the form each time the modal opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on open/target change
  useEffect(() => {
    if (!opened) return;
    setCurrent(department ?? null);
    setFormError(null);
    setStale(false);
    form.setValues({
      code: department?.code ?? '',
      name: department?.name ?? '',
      description: department?.description ?? '',
    });
    form.resetDirty();
    form.clearErrors();
  }, [opened, department]);

  const reloadAfterStale = async (id: string) => {
    const all = await queryClient.fetchQuery({ ...allDepartmentsQueryOptions, staleTime: 0 });
    const fresh = all.find((d) => d.id === id) ?? null;
    setCurrent(fresh);
    if (fresh) form.setValues({ code: fresh.code, name: fresh.name, description: fresh.description ?? '' });
    setStale(true);
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    setStale(false);
    const input = {
      code: values.code.trim(),
      name: values.name.trim(),
      description: values.description.trim() || null,
    };
    const onError = (error: Error) => {
      if (current && isStaleError(error)) void reloadAfterStale(current.id);
      else setFormError(applyProblemToForm(form, error));
    };
    const onSuccess = () => {
      notifications.show({
        color: 'green',
        message: t(current ? 'departments.updated' : 'departments.created'),
      });
      onClose();
    };
    if (current)
      update.mutate({ id: current.id, version: current.version, patch: input }, { onSuccess, onError });
    else create.mutate(input, { onSuccess, onError });
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={current ? t('departments.editTitle') : t('departments.createTitle')}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {stale && (
            <Alert color="orange" role="alert">
              {t('errors.staleReloaded')}
            </Alert>
          )}
          {formError && <ErrorAlert error={formError} />}
          <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={t('fields.code')}
            description={t('departments.codeHelp')}
            required
            {...form.getInputProps('code')}
          />
          <Textarea
            label={t('fields.description')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
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
