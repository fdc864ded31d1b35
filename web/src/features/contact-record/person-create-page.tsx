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
import { type DuplicateCandidate, duplicateCandidates } from './contact-record-api';
import { DuplicatePanel } from './duplicate-panel';
import { PersonFormFields } from './person-form-fields';
import { emptyPersonValues, type PersonFormValues, personCreateInput } from './person-form-values';
import { useCreatePerson } from './use-contact-record';

/** /contacts/new: checks for probable duplicates before creating. */
export function PersonCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fields = useCustomFields('person');
  const create = useCreatePerson();
  const [formError, setFormError] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const definitions = fields.data ?? [];

  const form = useForm<PersonFormValues>({
    initialValues: emptyPersonValues([]),
    validate: (values) => ({
      ...requiredFieldErrors(definitions, values.customFields, t('validation.required')),
      ...(values.firstName.trim() || values.lastName.trim() || values.emails.some((e) => e.address.trim())
        ? {}
        : { lastName: t('contactRecord.nameOrEmail') }),
    }),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: add the custom fields once their definitions arrive
  useEffect(() => {
    if (fields.data) form.setFieldValue('customFields', emptyPersonValues(fields.data).customFields);
  }, [fields.data]);

  const save = (values: PersonFormValues, force: boolean) => {
    setFormError(null);
    create.mutate(
      { input: personCreateInput(values, definitions), force },
      {
        onSuccess: (person) => {
          notifications.show({ color: 'green', message: t('contactRecord.created') });
          void navigate({ to: '/contacts/$personId', params: { personId: person.id } });
        },
        onError: (error) => {
          const found = duplicateCandidates(error);
          if (found) setCandidates(found);
          else setFormError(applyProblemToForm(form, error));
        },
      },
    );
  };

  if (fields.isError) return <ErrorAlert error={fields.error} onRetry={() => void fields.refetch()} />;
  if (!fields.data) return <Skeleton height={480} />;

  return (
    <>
      <PageHeader title={t('contactRecord.createTitle')} />
      <form onSubmit={form.onSubmit((values) => save(values, false))} noValidate>
        <Stack gap="md">
          {formError && <ErrorAlert error={formError} />}
          <PersonFormFields form={form} fields={definitions} />
          {candidates && (
            <DuplicatePanel
              candidates={candidates}
              forcing={create.isPending}
              onForce={() => save(form.values, true)}
              onDismiss={() => setCandidates(null)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => window.history.back()}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending && !candidates}>
              {t('contactRecord.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
