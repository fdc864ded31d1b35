import { Anchor, Badge, Group, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { CoordinatesDisplay } from '../contact-record/coordinates-display';
import { NotesSection } from '../contact-record/notes-section';
import { Fact, RecordSection } from '../contact-record/record-section';
import { RelationshipsSection } from '../contact-record/relationships-section';
import { TimelineSection } from '../contact-record/timeline-section';
import { CustomFieldsDisplay } from '../custom-fields/custom-fields-display';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { useAllDepartments } from '../departments/use-departments';
import { TrashedNotice } from '../trash/trashed-notice';
import { OrganisationActions } from './organisation-actions';
import type { Organisation } from './organisations-api';
import { useOrganisation } from './use-organisations';

const route = getRouteApi('/app/organisations/$organisationId');

function InformationSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const department = departments.data?.find((d) => d.id === organisation.departmentId);
  return (
    <RecordSection title={t('organisations.information')}>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm" m={0}>
        <Fact label={t('organisations.fields.type')}>{t(`organisations.types.${organisation.type}`)}</Fact>
        <Fact label={t('organisations.fields.siren')}>{organisation.siren ?? '—'}</Fact>
        <Fact label={t('organisations.fields.siret')}>{organisation.siret ?? '—'}</Fact>
        <Fact label={t('organisations.fields.website')}>
          {organisation.website ? (
            <Anchor href={organisation.website} target="_blank" rel="noopener noreferrer" size="sm">
              {organisation.website}
            </Anchor>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label={t('organisations.fields.departmentId')}>{department?.name ?? '—'}</Fact>
        <Fact label={t('contactRecord.updatedAt')}>{formatDateTime(organisation.updatedAt)}</Fact>
      </SimpleGrid>
    </RecordSection>
  );
}

/** /organisations/$organisationId: details, members, parent and subsidiaries, notes, history. */
export function OrganisationPage() {
  const { organisationId } = route.useParams();
  const { t } = useTranslation();
  const organisation = useOrganisation(organisationId);
  const fields = useCustomFields('organisation');
  const subject = { kind: 'organisation', id: organisationId } as const;

  if (organisation.isError)
    return <ErrorAlert error={organisation.error} onRetry={() => void organisation.refetch()} />;
  if (!organisation.data) return <Skeleton height={420} />;
  const record = organisation.data;
  const definitions = fields.data ?? [];

  return (
    <>
      <PageHeader title={record.name} actions={<OrganisationActions organisation={record} />} />
      <Group gap={6} mt={-8} mb="lg">
        <Badge variant="outline" tt="none">
          {t(`organisations.types.${record.type}`)}
        </Badge>
        {record.tags.map((tag) => (
          <Badge key={tag} variant="light" tt="none">
            {tag}
          </Badge>
        ))}
      </Group>
      {record.deletedAt && <TrashedNotice kind="organisation" id={record.id} deletedAt={record.deletedAt} />}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" verticalSpacing="md">
        <Stack gap="md">
          <InformationSection organisation={record} />
          <RecordSection title={t('contactRecord.coordinates')}>
            <CoordinatesDisplay emails={record.emails} phones={record.phones} addresses={record.addresses} />
          </RecordSection>
          {definitions.length > 0 && (
            <RecordSection title={t('contactRecord.customFields')}>
              <CustomFieldsDisplay fields={definitions} values={record.customFields} masked={record.masked} />
            </RecordSection>
          )}
        </Stack>
        <Stack gap="md">
          <RelationshipsSection subject={subject} title={t('organisations.links')} />
          <NotesSection subject={subject} />
        </Stack>
      </SimpleGrid>
      <Stack mt="md">
        <TimelineSection subject={subject} />
      </Stack>
    </>
  );
}
