import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleError } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import type { Language } from '../../app/i18n';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { PageHeader } from '../../components/page-header';
import { ReasonInput } from '../../components/reason-input';
import { LinkAnchor } from '../../components/router-link';
import { useUpdateUser, useUser } from './use-users';
import { UserAccessFields } from './user-access-fields';
import { UserStatusBadge } from './user-status-badge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

const route = getRouteApi('/app/admin/users/$userId');

export function UserEditPage() {
  const { userId } = route.useParams();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const user = useUser(userId);
  const update = useUpdateUser(userId);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const form = useForm({
    initialValues: {
      name: '',
      active: true,
      locale: 'fr' as Language,
      roleIds: [] as string[],
      departmentIds: [] as string[],
      reason: '',
    },
    validate: { name: (value) => (value.trim() ? null : t('validation.required')) },
  });

  const record = user.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the form when a new version arrives
  useEffect(() => {
    if (!record) return;
    form.setValues({
      name: record.name,
      active: record.status === 'active',
      locale: record.locale,
      roleIds: record.roleIds,
      departmentIds: record.departmentIds,
      reason: '',
    });
    form.resetDirty();
  }, [record?.id, record?.version]);

  if (user.isError) return <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />;
  if (!record) return <Skeleton height={360} />;

  const submit = form.onSubmit((values) => {
    setFormError(null);
    setStale(false);
    update.mutate(
      {
        version: record.version,
        patch: {
          name: values.name.trim(),
          status: values.active ? 'active' : 'disabled',
          locale: values.locale,
          roleIds: values.roleIds,
          departmentIds: values.departmentIds,
          reason: values.reason.trim() || undefined,
        },
      },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('users.updated') }),
        onError: (error) => {
          if (isStaleError(error)) {
            setStale(true);
            notifications.show({ color: 'orange', message: t('errors.staleReloaded') });
          } else setFormError(applyProblemToForm(form, error));
        },
      },
    );
  });

  return (
    <>
      <PageHeader
        title={record.name}
        description={record.email}
        back={
          <LinkAnchor to="/admin/users" size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden />
              {t('users.backToList')}
            </Group>
          </LinkAnchor>
        }
        actions={
          <LinkAnchor to="/admin/audit" search={{ entityType: 'user', entityId: record.id }} size="sm">
            {t('users.viewAudit')}
          </LinkAnchor>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Fact label={t('fields.status')}>
              <UserStatusBadge status={record.status} />
            </Fact>
            <Fact label={t('users.totp')}>{record.totpEnabled ? t('users.totpOn') : t('users.totpOff')}</Fact>
            <Fact label={t('users.lastLogin')}>
              {record.lastLoginAt ? formatDateTime(record.lastLoginAt) : t('users.never')}
            </Fact>
            <Fact label={t('fields.createdAt')}>{formatDateTime(record.createdAt)}</Fact>
          </SimpleGrid>
        </Paper>
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            {stale && (
              <Alert color="orange" role="alert">
                {t('errors.staleReloaded')}
              </Alert>
            )}
            {formError && <ErrorAlert error={formError} />}
            <Paper withBorder p="md">
              <Stack gap="md">
                <TextInput label={t('fields.name')} required maw={480} {...form.getInputProps('name')} />
                <TextInput
                  label={t('fields.email')}
                  value={record.email}
                  readOnly
                  variant="filled"
                  maw={480}
                />
                <Switch
                  label={t('users.activeSwitch')}
                  description={record.id === me.id ? t('users.cannotDisableSelf') : t('users.activeHelp')}
                  disabled={record.id === me.id}
                  {...form.getInputProps('active', { type: 'checkbox' })}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <UserAccessFields form={form} />
            </Paper>
            <ReasonInput {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </>
  );
}
