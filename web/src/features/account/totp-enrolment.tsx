import { Button, Code, CopyButton, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconQrcode } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { useEnableTotp, useStartTotpSetup } from './use-account';

/** Three steps: get a secret and QR code, scan it, confirm with a first code. */
export function TotpEnrolment({ onEnabled }: { onEnabled: () => void }) {
  const { t } = useTranslation();
  const setup = useStartTotpSetup();
  const enable = useEnableTotp();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^\d{6}$/.test(value.trim()) ? null : t('login.codeInvalid')) },
  });

  if (!setup.data) {
    return (
      <Stack gap="sm" align="flex-start">
        <ErrorAlert error={setup.error} />
        <Button
          leftSection={<IconQrcode size={16} aria-hidden />}
          loading={setup.isPending}
          onClick={() => setup.mutate()}
        >
          {t('account.totpStart')}
        </Button>
      </Stack>
    );
  }

  const submit = form.onSubmit((values) => {
    setFormError(null);
    enable.mutate(values.code.trim(), {
      onSuccess: onEnabled,
      onError: (error) => setFormError(applyProblemToForm(form, error)),
    });
  });

  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs" size="sm">
        <List.Item>{t('account.totpStep1')}</List.Item>
        <List.Item>{t('account.totpStep2')}</List.Item>
        <List.Item>{t('account.totpStep3')}</List.Item>
      </List>
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Image
          src={setup.data.qrCodeDataUrl}
          alt={t('account.totpQrAlt')}
          w={200}
          h={200}
          fit="contain"
          radius="sm"
          style={{ border: '1px solid var(--mantine-color-gray-3)', background: 'white' }}
        />
        <Stack gap={6} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Text size="sm" fw={500} id="totp-secret-label">
            {t('account.totpManual')}
          </Text>
          <Code block aria-labelledby="totp-secret-label" style={{ wordBreak: 'break-all' }}>
            {setup.data.secret}
          </Code>
          <CopyButton value={setup.data.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy} style={{ alignSelf: 'flex-start' }}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      </Group>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && <ErrorAlert error={formError} />}
          <TextInput
            label={t('account.totpCode')}
            description={t('login.codeHelp')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            maw={240}
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={enable.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.totpConfirm')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
