import { Anchor, AppShell, Box, Burger, Center, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link, Outlet, useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkNavLink } from '../components/router-link';
import { GlobalSearch } from '../features/search/global-search';
import { twoFactorPath, useAuth, useCurrentUser } from './auth';
import { isActive, navigation } from './navigation';
import { UserMenu } from './user-menu';

function Brand() {
  return (
    <Anchor component={Link} to="/" underline="never" c="var(--mantine-color-text)" aria-label="Parterre">
      <Group gap={8} wrap="nowrap">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <Text fw={700} size="lg">
          Parterre
        </Text>
      </Group>
    </Anchor>
  );
}

function Navigation({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const user = useCurrentUser();
  // While TOTP enrolment is mandatory, only "My account" is reachable.
  const sections = user.mustEnrolTotp
    ? navigation.filter((section) => section.items.some((item) => item.to === '/account'))
    : navigation.filter((section) => !section.permission || can(section.permission));

  return (
    <Stack gap="md">
      {sections.map((section, index) => {
        const headingId = section.label ? `nav-section-${index}` : undefined;
        return (
          <div key={section.label ?? index}>
            {section.label && (
              <Text
                component="h2"
                id={headingId}
                size="xs"
                fw={700}
                tt="uppercase"
                c="dimmed"
                px="sm"
                pb={4}
                m={0}
              >
                {t(section.label)}
              </Text>
            )}
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={headingId}>
              {section.items.map((item) => {
                const active = isActive(item, pathname);
                return (
                  <li key={item.to}>
                    <LinkNavLink
                      to={item.to}
                      label={t(item.label)}
                      leftSection={<item.icon size={18} stroke={1.6} />}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      variant="light"
                      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                    />
                  </li>
                );
              })}
            </Box>
          </div>
        );
      })}
    </Stack>
  );
}

/** Back-office frame; while the session is gone (signed out, expired) it waits for the sign-in redirect. */
export function BackOfficeShell() {
  const { user, resolved } = useAuth();
  const router = useRouter();
  const signedOut = resolved && !user;
  const mustEnrol = user?.mustEnrolTotp ?? false;

  // Session gone (expired, revoked, signed out in another tab): back to sign-in, then here again.
  useEffect(() => {
    if (!signedOut) return;
    const { pathname, href } = router.state.location;
    if (pathname === '/login') return;
    void router.navigate({ to: '/login', search: { redirect: href } });
  }, [signedOut, router]);

  // The TOTP policy can be switched on while the user is working: enrolment comes first.
  useEffect(() => {
    if (mustEnrol && router.state.location.pathname !== twoFactorPath)
      void router.navigate({ to: twoFactorPath });
  }, [mustEnrol, router]);

  if (!user) {
    return (
      <Center mih="100dvh">
        <Loader />
      </Center>
    );
  }
  return <SignedInShell />;
}

/** Header (brand, search slot, user menu) and a navbar that collapses to a burger. */
function SignedInShell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const isPhone = useMediaQuery('(max-width: 47.99em)');

  // Close the phone drawer after any navigation (menu links, user menu, in-page links).
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => {
    close();
  }, [pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main-content" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger
            opened={opened}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')}
            aria-expanded={opened}
            aria-controls="main-navigation"
          />
          <Brand />
          <GlobalSearch />
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label={t('shell.navigation')}
        component="nav"
        // Off-screen on phones while closed: keep its links out of the tab order.
        inert={isPhone && !opened}
      >
        <ScrollArea type="auto" offsetScrollbars>
          <Navigation pathname={pathname} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <Box maw={1200} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
