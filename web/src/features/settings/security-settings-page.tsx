import { Alert, Button, Group, NumberInput, Paper, Skeleton, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleError } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { PageHeader } from '../../components/page-header';
import { ReasonInput } from '../../components/reason-input';
import { useSecuritySettings, useUpdateSecuritySettings } from './use-settings';

export function SecuritySettingsPage() {
  const { t } = useTranslation();
  const settings = useSecuritySettings();
  const update = useUpdateSecuritySettings();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const form = useForm({
    initialValues: {
      totpRequired: false,
      sessionIdleMinutes: 30 as number | string,
      sessionAbsoluteHours: 12 as number | string,
      reason: '',
    },
    validate: {
      sessionIdleMinutes: (value) =>
        Number(value) >= 5 && Number(value) <= 1440 ? null : t('settings.idleRange'),
      sessionAbsoluteHours: (value) =>
        Number(value) >= 1 && Number(value) <= 720 ? null : t('settings.absoluteRange'),
    },
  });

  const data = settings.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on each new version
  useEffect(() => {
    if (!data) return;
    form.setValues({
      totpRequired: data.totpRequired,
      sessionIdleMinutes: data.sessionIdleMinutes,
      sessionAbsoluteHours: data.sessionAbsoluteHours,
      reason: '',
    });
    form.resetDirty();
  }, [data?.version]);

  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;

  const submit = form.onSubmit((values) => {
    if (!data) return;
    setFormError(null);
    setStale(false);
    update.mutate(
      {
        version: data.version,
        patch: {
          totpRequired: values.totpRequired,
          sessionIdleMinutes: Number(values.sessionIdleMinutes),
          sessionAbsoluteHours: Number(values.sessionAbsoluteHours),
          reason: values.reason.trim() || undefined,
        },
      },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('settings.saved') }),
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
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {!data ? (
        <Skeleton height={280} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="lg" maw={640}>
            {stale && (
              <Alert color="orange" role="alert">
                {t('errors.staleReloaded')}
              </Alert>
            )}
            {formError && <ErrorAlert error={formError} />}
            <Paper withBorder p="md">
              <Switch
                label={t('settings.totpRequired')}
                description={t('settings.totpRequiredHelp')}
                {...form.getInputProps('totpRequired', { type: 'checkbox' })}
              />
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="md">
                <NumberInput
                  label={t('settings.sessionIdle')}
                  description={t('settings.sessionIdleHelp')}
                  min={5}
                  max={1440}
                  allowDecimal={false}
                  suffix=" min"
                  maw={240}
                  {...form.getInputProps('sessionIdleMinutes')}
                />
                <NumberInput
                  label={t('settings.sessionAbsolute')}
                  description={t('settings.sessionAbsoluteHelp')}
                  min={1}
                  max={720}
                  allowDecimal={false}
                  suffix=" h"
                  maw={240}
                  {...form.getInputProps('sessionAbsoluteHours')}
                />
              </Stack>
            </Paper>
            <ReasonInput {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </>
  );
}
