import { Button, Group, Skeleton, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { applyProblemToForm } from '../../components/form-errors';
import { PageHeader } from '../../components/page-header';
import { requiredFieldErrors } from '../custom-fields/custom-field-values';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { OrganisationFormFields } from './organisation-form-fields';
import {
  emptyOrganisationValues,
  type OrganisationFormValues,
  organisationCreateInput,
} from './organisation-form-values';
import { useCreateOrganisation } from './use-organisations';

/** /organisations/new */
export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fields = useCustomFields('organisation');
  const create = useCreateOrganisation();
  const [formError, setFormError] = useState<string | null>(null);
  const definitions = fields.data ?? [];
  const form = useForm<OrganisationFormValues>({
    initialValues: emptyOrganisationValues([]),
    validate: (values) => ({
      ...requiredFieldErrors(definitions, values.customFields, t('validation.required')),
      ...(values.name.trim() ? {} : { name: t('validation.required') }),
    }),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: add the custom fields once their definitions arrive
  useEffect(() => {
    if (fields.data) form.setFieldValue('customFields', emptyOrganisationValues(fields.data).customFields);
  }, [fields.data]);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    create.mutate(organisationCreateInput(values, definitions), {
      onSuccess: (organisation) => {
        notifications.show({ color: 'green', message: t('organisations.created') });
        void navigate({ to: '/organisations/$organisationId', params: { organisationId: organisation.id } });
      },
      onError: (error) => setFormError(applyProblemToForm(form, error)),
    });
  });

  if (fields.isError) return <ErrorAlert error={fields.error} onRetry={() => void fields.refetch()} />;
  if (!fields.data) return <Skeleton height={420} />;

  return (
    <>
      <PageHeader title={t('organisations.createTitle')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError && <ErrorAlert error={formError} />}
          <OrganisationFormFields form={form} fields={definitions} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => window.history.back()}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('organisations.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
