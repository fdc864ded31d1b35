import { Badge, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { organisationTypeSchema } from '@parterre/contract/organisations';
import { IconBuildingPlus, IconSearch } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { ForbiddenPage } from '../../app/status-pages';
import { CursorDataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor, LinkButton } from '../../components/router-link';
import { Tags } from './contact-cells';
import type { OrganisationSummary, OrganisationType } from './contacts-api';
import { useOrganisations } from './use-contacts';

const route = getRouteApi('/app/organisations');

/** "+33144556677" → "01 44 55 66 77", as people's phones are shown; other countries stay as they are. */
function displayPhone(e164: string | null): string {
  const french = e164 ? /^\+33([1-9]\d{8})$/.exec(e164) : null;
  return french ? `0${french[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ') : (e164 ?? '');
}

/** "Structures": companies, foundations, schools… searched by name and filtered by type. */
export function OrganisationListPage() {
  const { can } = useAuth();
  return can('contacts.read') ? <OrganisationList /> : <ForbiddenPage />;
}

function OrganisationList() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [typed, setTyped] = useState(search.q ?? '');
  const [q] = useDebouncedValue(typed.trim(), 300);
  const list = useOrganisations(q, search.type);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text triggers
  useEffect(() => {
    if (q !== (search.q ?? ''))
      void navigate({ search: (prev) => ({ ...prev, q: q || undefined }), replace: true });
  }, [q]);

  const typeLabel = (type: OrganisationType) => t(`contacts.organisationTypes.${type}`);

  return (
    <>
      <PageHeader
        title={t('contacts.organisations.title')}
        description={t('contacts.organisations.description')}
        actions={
          can('contacts.write') && (
            <LinkButton to="/organisations/new" leftSection={<IconBuildingPlus size={16} aria-hidden />}>
              {t('contacts.organisations.create')}
            </LinkButton>
          )
        }
      />
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <TextInput
          type="search"
          label={t('contacts.organisations.search')}
          placeholder={t('contacts.organisations.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
          maw={{ sm: 420 }}
        />
        <Select
          label={t('contacts.organisations.type')}
          placeholder={t('contacts.organisations.allTypes')}
          data={organisationTypeSchema.options.map((type) => ({ value: type, label: typeLabel(type) }))}
          value={search.type ?? null}
          onChange={(type) =>
            void navigate({
              search: (prev) => ({ ...prev, type: (type as OrganisationType | null) ?? undefined }),
            })
          }
          clearable
          w={{ base: '100%', xs: 240 }}
        />
      </Group>
      <CursorDataTable<OrganisationSummary>
        list={list}
        label={t('contacts.organisations.title')}
        noRecordsText={
          q || search.type ? t('contacts.organisations.noMatch') : t('contacts.organisations.empty')
        }
        columns={[
          {
            accessor: 'name',
            title: t('contacts.organisations.name'),
            render: (organisation) => (
              <div>
                <LinkAnchor
                  to="/organisations/$organisationId"
                  params={{ organisationId: organisation.id }}
                  fw={500}
                >
                  {organisation.name}
                </LinkAnchor>
                <Text size="xs" c="dimmed" hiddenFrom="sm">
                  {[typeLabel(organisation.type), organisation.city].filter(Boolean).join(' · ')}
                </Text>
              </div>
            ),
          },
          {
            accessor: 'type',
            title: t('contacts.organisations.type'),
            visibleMediaQuery: '(min-width: 48em)',
            render: (organisation) => (
              <Badge variant="light" color="gray" tt="none" maw="none">
                {typeLabel(organisation.type)}
              </Badge>
            ),
          },
          { accessor: 'city', title: t('contacts.fields.city'), visibleMediaQuery: '(min-width: 48em)' },
          { accessor: 'email', title: t('contacts.fields.email'), visibleMediaQuery: '(min-width: 62em)' },
          {
            accessor: 'phone',
            title: t('contacts.fields.phone'),
            visibleMediaQuery: '(min-width: 75em)',
            noWrap: true,
            render: (organisation) => displayPhone(organisation.phone),
          },
          {
            accessor: 'tags',
            title: t('contacts.fields.tags'),
            visibleMediaQuery: '(min-width: 62em)',
            render: (organisation) => <Tags tags={organisation.tags} />,
          },
        ]}
      />
    </>
  );
}
