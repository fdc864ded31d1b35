import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PublicLayout } from './public-layout';
import { useRequestPasswordReset } from './use-auth';

export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : t('validation.email')) },
  });

  return (
    <PublicLayout title={t('passwordReset.title')} description={t('passwordReset.description')}>
      {request.isSuccess ? (
        <Alert color="green" role="status" icon={<IconMailCheck size={20} aria-hidden />}>
          {t('passwordReset.sent')}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => request.mutate(values.email.trim()))} noValidate>
          <Stack gap="md">
            <ErrorAlert error={request.error} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('passwordReset.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" ta="center">
        {t('passwordReset.backToLogin')}
      </Anchor>
    </PublicLayout>
  );
}
