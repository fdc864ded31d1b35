import { Button, Group, Paper, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../app/i18n';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { minPasswordLength } from '../auth/password-rules';
import { useCreateUser } from './use-users';
import { UserAccessFields } from './user-access-fields';

export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    initialValues: {
      email: '',
      name: '',
      access: 'invite' as 'invite' | 'password',
      password: '',
      locale: currentLanguage() as Language,
      roleIds: [] as string[],
      departmentIds: [] as string[],
    },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : t('validation.email')),
      name: (value) => (value.trim() ? null : t('validation.required')),
      password: (value, values) =>
        values.access === 'password' && value.length < minPasswordLength
          ? t('password.tooShort', { count: minPasswordLength })
          : null,
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(
      {
        email: values.email.trim(),
        name: values.name.trim(),
        password: values.access === 'password' ? values.password : undefined,
        locale: values.locale,
        roleIds: values.roleIds,
        departmentIds: values.departmentIds,
      },
      {
        onSuccess: (user) => {
          notifications.show({
            color: 'green',
            message:
              values.access === 'invite'
                ? t('users.createdInvited', { email: user.email })
                : t('users.created'),
          });
          void navigate({ to: '/admin/users/$userId', params: { userId: user.id } });
        },
        onError: (error) => setFormError(applyProblemToForm(form, error)),
      },
    );
  });

  return (
    <>
      <PageHeader
        title={t('users.createTitle')}
        back={
          <LinkAnchor to="/admin/users" size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden />
              {t('users.backToList')}
            </Group>
          </LinkAnchor>
        }
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          {formError && <ErrorAlert error={formError} />}
          <Paper withBorder p="md">
            <Stack gap="md">
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  label={t('fields.name')}
                  required
                  autoComplete="off"
                  {...form.getInputProps('name')}
                />
                <TextInput
                  label={t('fields.email')}
                  type="email"
                  required
                  autoComplete="off"
                  {...form.getInputProps('email')}
                />
              </Group>
              <Radio.Group label={t('users.accessMode')} {...form.getInputProps('access')}>
                <Stack gap="xs" mt="xs">
                  <Radio value="invite" label={t('users.accessInvite')} />
                  <Radio value="password" label={t('users.accessPassword')} />
                </Stack>
              </Radio.Group>
              {form.values.access === 'password' && (
                <PasswordInput
                  label={t('fields.password')}
                  description={t('password.rule', { count: minPasswordLength })}
                  autoComplete="new-password"
                  required
                  maw={420}
                  {...form.getInputProps('password')}
                />
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <UserAccessFields form={form} />
          </Paper>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
