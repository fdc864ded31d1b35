import { Button, Group, Skeleton, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkButton } from '../../components/router-link';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { ConflictPanel } from './conflict-panel';
import type { Person } from './contact-record-api';
import { PersonFormFields } from './person-form-fields';
import {
  emptyPersonValues,
  type PersonFormValues,
  personToFormValues,
  personUpdateInput,
} from './person-form-values';
import { personTitle } from './person-name';
import { usePerson, useUpdatePerson } from './use-contact-record';
import { useFieldFormat } from './use-field-format';
import { useVersionedForm } from './use-versioned-form';

const route = getRouteApi('/app/contacts/$personId/edit');

/** /contacts/$personId/edit: saves only what changed, and merges field by field after a 412. */
export function PersonEditPage() {
  const { personId } = route.useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const person = usePerson(personId);
  const fields = useCustomFields('person');
  const update = useUpdatePerson(personId);
  const definitions = fields.data ?? [];
  const { labelOf, format } = useFieldFormat(definitions);
  const form = useForm<PersonFormValues>({ initialValues: emptyPersonValues([]) });

  const versioned = useVersionedForm<Person, PersonFormValues>({
    record: fields.data ? person.data : undefined,
    toValues: (record) => personToFormValues(record, definitions),
    form,
    save: (version, values, changed) =>
      update.mutateAsync({ version, patch: personUpdateInput(values, definitions, changed) }),
    onSaved: (saved) => {
      notifications.show({
        color: 'green',
        message: saved ? t('contactRecord.saved') : t('contactRecord.nothingChanged'),
      });
      void navigate({ to: '/contacts/$personId', params: { personId } });
    },
  });

  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  if (fields.isError) return <ErrorAlert error={fields.error} onRetry={() => void fields.refetch()} />;
  if (!person.data || !fields.data || !versioned.ready) return <Skeleton height={480} />;
  const { conflict } = versioned;

  return (
    <>
      <PageHeader
        title={t('contactRecord.editTitle', { name: personTitle(person.data) || t('contactRecord.unnamed') })}
      />
      <form onSubmit={form.onSubmit((values) => void versioned.submit(values))} noValidate>
        <Stack gap="md">
          {versioned.formError && <ErrorAlert error={versioned.formError} />}
          {conflict && (
            <ConflictPanel
              conflicts={conflict.conflicts}
              choices={conflict.choices}
              onChoose={versioned.choose}
              updatedAt={conflict.updatedAt}
              labelOf={labelOf}
              format={format}
              saving={versioned.saving}
              onApply={versioned.applyChoices}
              onDiscard={() => void navigate({ to: '/contacts/$personId', params: { personId } })}
            />
          )}
          <PersonFormFields form={form} fields={definitions} masked={person.data.masked} />
          <Group justify="flex-end">
            <LinkButton variant="default" to="/contacts/$personId" params={{ personId }}>
              {t('common.cancel')}
            </LinkButton>
            <Button type="submit" loading={versioned.saving && !conflict}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
