import { Alert, Button, Group, Paper, Skeleton, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconLock, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleError } from '../../app/api-client';
import { ConfirmDeleteModal } from '../../components/confirm-delete-modal';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { PageHeader } from '../../components/page-header';
import { ReasonInput } from '../../components/reason-input';
import { LinkAnchor } from '../../components/router-link';
import { PermissionGrid } from './permission-grid';
import type { Role } from './roles-api';
import {
  allRolesQueryOptions,
  useAllRoles,
  useCreateRole,
  useDeleteRole,
  usePermissionCatalogue,
  useUpdateRole,
} from './use-roles';

/** Creates a role (no roleId) or edits one; built-in roles are shown read-only. */
export function RoleEditPage() {
  // Shared by /admin/roles/new (no id) and /admin/roles/$roleId.
  const { roleId } = useParams({ strict: false });
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roles = useAllRoles();
  const catalogue = usePermissionCatalogue();
  const create = useCreateRole();
  const update = useUpdateRole();
  const remove = useDeleteRole();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const role: Role | undefined = roleId ? roles.data?.find((r) => r.id === roleId) : undefined;
  const readOnly = role?.builtIn ?? false;

  const form = useForm({
    initialValues: { code: '', name: '', permissions: [] as string[], reason: '' },
    validate: {
      code: (value) =>
        roleId || /^[a-z0-9][a-z0-9_-]{0,49}$/.test(value.trim()) ? null : t('roles.codeRule'),
      name: (value) => (value.trim() ? null : t('validation.required')),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the record once it arrives or changes version
  useEffect(() => {
    if (!role) return;
    form.setValues({ code: role.code, name: role.name, permissions: role.permissions, reason: '' });
    form.resetDirty();
  }, [role?.id, role?.version]);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    setStale(false);
    const onError = (error: Error) => {
      if (isStaleError(error)) {
        setStale(true);
        notifications.show({ color: 'orange', message: t('errors.staleReloaded') });
        void queryClient.fetchQuery({ ...allRolesQueryOptions, staleTime: 0 });
      } else setFormError(applyProblemToForm(form, error));
    };
    if (role) {
      update.mutate(
        {
          id: role.id,
          version: role.version,
          patch: {
            name: values.name.trim(),
            permissions: values.permissions,
            reason: values.reason.trim() || undefined,
          },
        },
        { onSuccess: () => notifications.show({ color: 'green', message: t('roles.updated') }), onError },
      );
    } else {
      create.mutate(
        { code: values.code.trim(), name: values.name.trim(), permissions: values.permissions },
        {
          onSuccess: (created) => {
            notifications.show({ color: 'green', message: t('roles.created') });
            void navigate({ to: '/admin/roles/$roleId', params: { roleId: created.id } });
          },
          onError,
        },
      );
    }
  });

  const back = (
    <LinkAnchor to="/admin/roles" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('roles.backToList')}
      </Group>
    </LinkAnchor>
  );

  if (roles.isError || catalogue.isError) return <ErrorAlert error={roles.error ?? catalogue.error} />;
  if (roles.isLoading || catalogue.isLoading) return <Skeleton height={320} />;
  if (roleId && !role) return <ErrorAlert error={t('roles.notFound')} />;

  return (
    <>
      <PageHeader
        back={back}
        title={role ? role.name : t('roles.createTitle')}
        actions={
          role &&
          !readOnly && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setDeleting(true)}
            >
              {t('common.delete')}
            </Button>
          )
        }
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          {readOnly && (
            <Alert color="gray" icon={<IconLock size={18} aria-hidden />}>
              {t('roles.builtInNotice')}
            </Alert>
          )}
          {stale && (
            <Alert color="orange" role="alert">
              {t('errors.staleReloaded')}
            </Alert>
          )}
          {formError && <ErrorAlert error={formError} />}
          <Paper withBorder p="md">
            <Group grow align="flex-start" wrap="wrap" gap="md">
              <TextInput
                label={t('fields.name')}
                required
                readOnly={readOnly}
                {...form.getInputProps('name')}
              />
              <TextInput
                label={t('fields.code')}
                description={role ? t('roles.codeLocked') : t('roles.codeHelp')}
                required
                readOnly={Boolean(role)}
                {...form.getInputProps('code')}
              />
            </Group>
          </Paper>
          <Title order={2} fz="h4">
            {t('roles.permissions')}
          </Title>
          <PermissionGrid
            catalogue={catalogue.data ?? []}
            value={form.values.permissions}
            onChange={(permissions) => form.setFieldValue('permissions', permissions)}
            readOnly={readOnly}
            error={form.errors.permissions as string | undefined}
          />
          {role && !readOnly && <ReasonInput {...form.getInputProps('reason')} />}
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending || update.isPending}>
                {role ? t('common.save') : t('roles.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {role && (
        <ConfirmDeleteModal
          opened={deleting}
          onClose={() => setDeleting(false)}
          title={t('roles.deleteTitle')}
          message={t('roles.deleteConfirm', { name: role.name })}
          onConfirm={async () => {
            await remove.mutateAsync(role.id);
            notifications.show({ color: 'green', message: t('roles.deleted') });
            await navigate({ to: '/admin/roles' });
          }}
        />
      )}
    </>
  );
}
