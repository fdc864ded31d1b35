import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../app/api-client';
import { CursorDataTable } from '../../components/data-table';
import { PersonLink, Tags } from '../contacts/contact-cells';
import type { PersonListItem } from './segments-api';

interface MembersTableProps {
  list: UseInfiniteQueryResult<InfiniteData<Page<PersonListItem>, string | null>, Error>;
  label: string;
  /** An extra column at the end (e.g. « Retirer » on a static list). */
  action?: DataTableColumn<PersonListItem>;
}

/** People of a segment or a list, by name, paged like the contacts list; each links to the record. */
export function MembersTable({ list, label, action }: MembersTableProps) {
  const { t } = useTranslation();
  const columns: DataTableColumn<PersonListItem>[] = [
    {
      accessor: 'lastName',
      title: t('segments.members.name'),
      render: (person) => (
        <PersonLink person={person}>
          {[person.lastName, person.firstName].filter(Boolean).join(' ') || undefined}
        </PersonLink>
      ),
    },
    {
      accessor: 'primaryEmail',
      title: t('segments.members.email'),
      visibleMediaQuery: '(min-width: 48em)',
      render: (person) => person.primaryEmail,
    },
    {
      accessor: 'city',
      title: t('segments.members.place'),
      render: (person) => [person.postalCode, person.city].filter(Boolean).join(' '),
    },
    {
      accessor: 'tags',
      title: t('segments.members.tags'),
      visibleMediaQuery: '(min-width: 62em)',
      render: (person) => <Tags tags={person.tags} />,
    },
  ];
  return (
    <CursorDataTable<PersonListItem>
      list={list}
      label={label}
      noRecordsText={t('segments.members.empty')}
      columns={action ? [...columns, action] : columns}
    />
  );
}
