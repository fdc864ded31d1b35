import { Alert, Badge, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck, IconShieldLock } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { TotpEnrolment } from './totp-enrolment';
import { useDisableTotp } from './use-account';

function DisableTotpForm() {
  const { t } = useTranslation();
  const disable = useDisableTotp();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : t('validation.required')) },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    disable.mutate(values.password, {
      onSuccess: () => notifications.show({ color: 'green', message: t('account.totpDisabled') }),
      onError: (error) => setFormError(applyProblemToForm(form, error)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} fz="h5">
          {t('account.totpDisableTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('account.totpDisableHelp')}
        </Text>
        {formError && <ErrorAlert error={formError} />}
        <PasswordInput
          label={t('fields.currentPassword')}
          autoComplete="current-password"
          required
          maw={360}
          {...form.getInputProps('password')}
        />
        <Button
          type="submit"
          color="red"
          variant="light"
          loading={disable.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('account.totpDisable')}
        </Button>
      </Stack>
    </form>
  );
}

/** Second factor: enrolment (QR code from the API) or, once enabled, deactivation. */
export function TwoFactorTab() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();

  return (
    <Paper withBorder p="md" maw={720}>
      <Stack gap="md">
        {user.mustEnrolTotp && (
          <Alert
            color="orange"
            icon={<IconShieldLock size={20} aria-hidden />}
            title={t('account.totpRequiredTitle')}
          >
            {t('account.totpRequired')}
          </Alert>
        )}
        <Group gap="sm">
          <Text fw={600}>{t('account.totpStatus')}</Text>
          {user.totpEnabled ? (
            <Badge color="green" variant="light" leftSection={<IconShieldCheck size={12} aria-hidden />}>
              {t('account.totpOn')}
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              {t('account.totpOff')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{t('account.totpIntro')}</Text>
        {user.totpEnabled ? (
          <DisableTotpForm />
        ) : (
          <TotpEnrolment
            onEnabled={() => {
              notifications.show({ color: 'green', message: t('account.totpEnabled') });
              if (user.mustEnrolTotp) void navigate({ to: '/' });
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
