import { Badge, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { PersonConsentSection } from '../consent/person-consent-section';
import { CustomFieldsDisplay } from '../custom-fields/custom-fields-display';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { useAllDepartments } from '../departments/use-departments';
import { MergedNotice } from '../duplicates/merged-notice';
import { PersonTicketingSection } from '../ticketing/person-ticketing-section';
import { TrashedNotice } from '../trash/trashed-notice';
import type { Person } from './contact-record-api';
import { CoordinatesDisplay } from './coordinates-display';
import { IdentitySection } from './identity-section';
import { NotesSection } from './notes-section';
import { PersonActions } from './person-actions';
import { personTitle } from './person-name';
import { RecordSection } from './record-section';
import { RelationshipsSection } from './relationships-section';
import { TimelineSection } from './timeline-section';
import { usePerson } from './use-contact-record';

const route = getRouteApi('/app/contacts/$personId');

/** Tags, owning department and current employers, under the name. */
function Summary({ person }: { person: Person }) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const department = departments.data?.find((d) => d.id === person.departmentId);
  return (
    <Stack gap={6} mt={-8} mb="lg">
      {person.organisations.length > 0 && (
        <Text size="sm">
          {person.organisations.map((o) => [o.role, o.name].filter(Boolean).join(' · ')).join(' ; ')}
        </Text>
      )}
      <Group gap={6}>
        {department && (
          <Badge variant="outline" tt="none">
            {t('contactRecord.ownedBy', { name: department.name })}
          </Badge>
        )}
        {person.tags.map((tag) => (
          <Badge key={tag} variant="light" tt="none">
            {tag}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

/** /contacts/$personId: everything known about one person. */
export function PersonRecordPage() {
  const { personId } = route.useParams();
  const { t } = useTranslation();
  const person = usePerson(personId);
  const fields = useCustomFields('person');
  const subject = { kind: 'person', id: personId } as const;

  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  if (!person.data) return <Skeleton height={480} />;
  const record = person.data;
  const definitions = fields.data ?? [];

  return (
    <>
      <PageHeader
        title={personTitle(record) || t('contactRecord.unnamed')}
        actions={<PersonActions person={record} />}
      />
      <Summary person={record} />
      {record.deletedAt && <TrashedNotice kind="person" id={record.id} deletedAt={record.deletedAt} />}
      <MergedNotice personId={record.id} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" verticalSpacing="md">
        <Stack gap="md">
          <IdentitySection person={record} />
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
          <PersonTicketingSection personId={personId} />
          <PersonConsentSection personId={personId} />
          <RelationshipsSection subject={subject} title={t('contactRecord.links')} />
          <NotesSection subject={subject} />
        </Stack>
      </SimpleGrid>
      <Stack mt="md">
        <TimelineSection subject={subject} />
      </Stack>
    </>
  );
}
