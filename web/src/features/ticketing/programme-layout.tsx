import { Tabs } from '@mantine/core';
import {
  IconBuildingArch,
  IconCalendarEvent,
  IconCalendarTime,
  IconMasksTheater,
  IconTag,
} from '@tabler/icons-react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';

const tabs = [
  { value: '/ticketing/programme/seasons', label: 'ticketing.seasons.title', icon: IconCalendarEvent },
  { value: '/ticketing/programme/venues', label: 'ticketing.venues.title', icon: IconBuildingArch },
  { value: '/ticketing/programme/productions', label: 'ticketing.productions.title', icon: IconMasksTheater },
  {
    value: '/ticketing/programme/performances',
    label: 'ticketing.performances.title',
    icon: IconCalendarTime,
  },
  { value: '/ticketing/programme/price-categories', label: 'ticketing.priceCategories.title', icon: IconTag },
] as const;

/** « Programmation »: seasons, venues, productions, performances and price categories, one tab each. */
export function ProgrammeLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname.replace(/\/$/, '') });

  return (
    <>
      <PageHeader title={t('ticketing.programme.title')} description={t('ticketing.programme.description')} />
      <Tabs
        value={pathname}
        onChange={(value) => {
          const tab = tabs.find((candidate) => candidate.value === value);
          if (tab) void navigate({ to: tab.value });
        }}
      >
        {/* One line on phones too: the tab list scrolls sideways instead of wrapping. */}
        <Tabs.List mb="lg" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {tabs.map((tab) => (
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
