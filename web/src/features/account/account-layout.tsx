import { Tabs } from '@mantine/core';
import { IconKey, IconLock, IconShieldCheck } from '@tabler/icons-react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/page-header';

const tabs = [
  { value: '/account', label: 'account.passwordTab', icon: IconLock },
  { value: '/account/two-factor', label: 'account.totpTab', icon: IconShieldCheck },
  { value: '/account/tokens', label: 'account.tokensTab', icon: IconKey },
] as const;

/** "My account": password, second factor and personal API tokens, one tab each. */
export function AccountLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname.replace(/\/$/, '') });
  const visible = user.mustEnrolTotp ? tabs.filter((tab) => tab.value === '/account/two-factor') : tabs;

  return (
    <>
      <PageHeader title={t('account.title')} description={`${user.name} · ${user.email}`} />
      <Tabs
        value={pathname}
        onChange={(value) => {
          const tab = tabs.find((candidate) => candidate.value === value);
          if (tab) void navigate({ to: tab.value });
        }}
      >
        {/* One line on phones too: the tab list scrolls sideways instead of wrapping. */}
        <Tabs.List mb="lg" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {visible.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value} leftSection={<tab.icon size={16} aria-hidden />}>
              {t(tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={pathname}>
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
