import { Button, Group, Skeleton, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { LinkButton } from '../../components/router-link';
import { ConflictPanel } from '../contact-record/conflict-panel';
import { useFieldFormat } from '../contact-record/use-field-format';
import { useVersionedForm } from '../contact-record/use-versioned-form';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { OrganisationFormFields } from './organisation-form-fields';
import {
  emptyOrganisationValues,
  type OrganisationFormValues,
  organisationToFormValues,
  organisationUpdateInput,
} from './organisation-form-values';
import type { Organisation } from './organisations-api';
import { useOrganisation, useUpdateOrganisation } from './use-organisations';

const route = getRouteApi('/app/organisations/$organisationId/edit');

/** /organisations/$organisationId/edit, with the same field-by-field merge as people after a 412. */
export function OrganisationEditPage() {
  const { organisationId } = route.useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organisation = useOrganisation(organisationId);
  const fields = useCustomFields('organisation');
  const update = useUpdateOrganisation(organisationId);
  const definitions = fields.data ?? [];
  const { labelOf, format } = useFieldFormat(definitions, 'organisations.fields');
  const form = useForm<OrganisationFormValues>({ initialValues: emptyOrganisationValues([]) });
  const back = () => void navigate({ to: '/organisations/$organisationId', params: { organisationId } });

  const versioned = useVersionedForm<Organisation, OrganisationFormValues>({
    record: fields.data ? organisation.data : undefined,
    toValues: (record) => organisationToFormValues(record, definitions),
    form,
    save: (version, values, changed) =>
      update.mutateAsync({ version, patch: organisationUpdateInput(values, definitions, changed) }),
    onSaved: (saved) => {
      notifications.show({
        color: 'green',
        message: saved ? t('organisations.saved') : t('contactRecord.nothingChanged'),
      });
      back();
    },
  });

  if (organisation.isError)
    return <ErrorAlert error={organisation.error} onRetry={() => void organisation.refetch()} />;
  if (!organisation.data || !fields.data || !versioned.ready) return <Skeleton height={420} />;
  const { conflict } = versioned;

  return (
    <>
      <PageHeader title={t('organisations.editTitle', { name: organisation.data.name })} />
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
              onDiscard={back}
            />
          )}
          <OrganisationFormFields form={form} fields={definitions} masked={organisation.data.masked} />
          <Group justify="flex-end">
            <LinkButton variant="default" to="/organisations/$organisationId" params={{ organisationId }}>
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
