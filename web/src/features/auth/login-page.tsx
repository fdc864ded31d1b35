import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useRouter } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { safeRedirect } from '../../app/auth';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { PublicLayout } from './public-layout';
import { useLogin } from './use-auth';

export function LoginPage({ redirectTo }: { redirectTo?: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const login = useLogin();
  const [needsCode, setNeedsCode] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const form = useForm({
    initialValues: { email: '', password: '', totpCode: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : t('validation.email')),
      password: (value) => (value ? null : t('validation.required')),
      totpCode: (value) => (!needsCode || /^\d{6}$/.test(value.trim()) ? null : t('login.codeInvalid')),
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    login.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        totpCode: needsCode ? values.totpCode.trim() : undefined,
      },
      {
        onSuccess: () => router.history.push(safeRedirect(redirectTo)),
        onError: (error) => {
          if (isApiError(error, 'auth.totp_required')) {
            setNeedsCode(true);
            requestAnimationFrame(() => codeRef.current?.focus());
            return;
          }
          setFormError(applyProblemToForm(form, error));
        },
      },
    );
  });

  return (
    <PublicLayout title={t('login.title')} description={t('login.description')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && <ErrorAlert error={formError} title={t('login.failed')} />}
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            readOnly={needsCode}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            readOnly={needsCode}
            {...form.getInputProps('password')}
          />
          {needsCode && (
            <TextInput
              ref={codeRef}
              label={t('login.code')}
              description={t('login.codeHelp')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              {...form.getInputProps('totpCode')}
            />
          )}
          <Button type="submit" loading={login.isPending} fullWidth>
            {needsCode ? t('login.verify') : t('login.submit')}
          </Button>
          <Anchor component={Link} to="/password-reset" size="sm" ta="center">
            {t('login.forgotPassword')}
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}
