import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format';
import { MaskedValue } from '../custom-fields/custom-field-value';
import { useAllDepartments } from '../departments/use-departments';
import type { Person } from './contact-record-api';
import { languageName } from './languages';
import { Fact, RecordSection } from './record-section';

/** Civility, names, birth date (masked when the server says so), language, channel, department. */
export function IdentitySection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const department = departments.data?.find((d) => d.id === person.departmentId);
  const dash = (value: string | null | undefined) => value || '—';

  return (
    <RecordSection title={t('contactRecord.identity')}>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm" m={0}>
        <Fact label={t('contactRecord.fields.civility')}>{dash(person.civility)}</Fact>
        <Fact label={t('contactRecord.fields.firstName')}>{dash(person.firstName)}</Fact>
        <Fact label={t('contactRecord.fields.lastName')}>{dash(person.lastName)}</Fact>
        <Fact label={t('contactRecord.fields.usageName')}>{dash(person.usageName)}</Fact>
        <Fact label={t('contactRecord.fields.birthDate')}>
          {person.masked.includes('birthDate') ? <MaskedValue /> : formatDate(person.birthDate)}
        </Fact>
        <Fact label={t('contactRecord.fields.language')}>
          {person.language ? languageName(person.language) : '—'}
        </Fact>
        <Fact label={t('contactRecord.fields.preferredChannel')}>
          {person.preferredChannel ? t(`contactRecord.channels.${person.preferredChannel}`) : '—'}
        </Fact>
        <Fact label={t('contactRecord.fields.departmentId')}>{dash(department?.name)}</Fact>
        <Fact label={t('contactRecord.fields.source')}>{dash(person.source)}</Fact>
        <Fact label={t('contactRecord.updatedAt')}>
          <Text span size="sm">
            {formatDateTime(person.updatedAt)}
          </Text>
        </Fact>
      </SimpleGrid>
    </RecordSection>
  );
}
