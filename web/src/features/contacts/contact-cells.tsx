import { Badge, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format';
import { LinkAnchor } from '../../components/router-link';
import type { ListColumn } from './contact-fields';
import type { CustomField, PersonListItem } from './contacts-api';

/** "Dupont" or, for a person without a last name, what identifies them best. */
export function personName(person: PersonListItem): string {
  return person.lastName || person.firstName || person.primaryEmail || '';
}

export function fullName(person: PersonListItem): string {
  return [person.firstName, person.lastName].filter(Boolean).join(' ') || person.primaryEmail || '';
}

export function PersonLink({ person, children }: { person: PersonListItem; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <LinkAnchor to="/contacts/$personId" params={{ personId: person.id }} fw={500}>
      {children ?? (personName(person) || t('contacts.list.unnamed'))}
    </LinkAnchor>
  );
}

export function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4} miw={120}>
      {tags.map((tag) => (
        <Badge key={tag} variant="light" color="gray" tt="none" radius="sm" maw="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

function customValue(field: CustomField, value: unknown, yesNo: (v: boolean) => string): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? yesNo(value) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'multi_choice':
      return Array.isArray(value) ? value.join(', ') : String(value);
    default:
      return String(value);
  }
}

/** The content of one cell of the people table. */
export function ContactCell({
  column,
  person,
  departments,
}: {
  column: ListColumn;
  person: PersonListItem;
  departments: Map<string, string>;
}) {
  const { t } = useTranslation();
  switch (column.id) {
    case 'lastName':
      return <PersonLink person={person} />;
    case 'firstName':
      return person.firstName;
    case 'email':
      return person.primaryEmail;
    case 'phone':
      return person.primaryPhone;
    case 'postalCode':
      return person.postalCode;
    case 'city':
      return person.city;
    case 'tags':
      return <Tags tags={person.tags} />;
    case 'departmentId':
      return person.departmentId ? (departments.get(person.departmentId) ?? '…') : null;
    case 'createdAt':
      return formatDate(person.createdAt);
    case 'updatedAt':
      return formatDate(person.updatedAt);
    default:
      return column.customField
        ? customValue(column.customField, person.customFields[column.customField.key], (v) =>
            v ? t('contacts.filters.yes') : t('contacts.filters.no'),
          )
        : null;
  }
}
