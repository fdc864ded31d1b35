import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth, useCurrentUser } from '../../app/auth';
import { navigation } from '../../app/navigation';
import { PageHeader } from '../../components/page-header';
import { LinkAnchor } from '../../components/router-link';
import { useAllDepartments } from '../departments/use-departments';

function MyDepartments({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  if (ids.length === 0) return <Text size="sm">{t('home.noDepartment')}</Text>;
  const names = departments.data?.filter((d) => ids.includes(d.id)).map((d) => d.name);
  if (!names?.length) return <Text size="sm">{t('home.departmentCount', { count: ids.length })}</Text>;
  return (
    <Group gap="xs">
      {names.map((name) => (
        <Badge key={name} variant="light" size="lg" tt="none">
          {name}
        </Badge>
      ))}
    </Group>
  );
}

/** Welcome page: who I am, my departments, and shortcuts to the screens I can use. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { can } = useAuth();
  const shortcuts = navigation
    .filter((section) => !section.permission || can(section.permission))
    .flatMap((section) => section.items)
    .filter((item) => item.to !== '/');

  return (
    <>
      <PageHeader title={t('home.greeting', { name: user.name })} description={t('home.intro')} />
      <Stack gap="xl">
        {!user.totpEnabled && (
          <Alert color="blue" icon={<IconShieldLock size={20} aria-hidden />} title={t('home.totpTitle')}>
            <Text size="sm">{t('home.totpAdvice')}</Text>
            <LinkAnchor to="/account/two-factor" size="sm" fw={600}>
              {t('home.totpLink')}
            </LinkAnchor>
          </Alert>
        )}
        <section aria-labelledby="home-departments">
          <Title order={2} fz="h4" mb="sm" id="home-departments">
            {t('home.myDepartments')}
          </Title>
          <MyDepartments ids={user.departmentIds} />
        </section>
        <section aria-labelledby="home-shortcuts">
          <Title order={2} fz="h4" mb="sm" id="home-shortcuts">
            {t('home.shortcuts')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            {shortcuts.map((item) => (
              <Card key={item.to} withBorder padding="md">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" size="lg" aria-hidden>
                    <item.icon size={20} />
                  </ThemeIcon>
                  <div>
                    <LinkAnchor to={item.to} fw={600}>
                      {t(item.label)}
                    </LinkAnchor>
                    <Text size="sm" c="dimmed">
                      {t(`${item.label}Help`)}
                    </Text>
                  </div>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    </>
  );
}
