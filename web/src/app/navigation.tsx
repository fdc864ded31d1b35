import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChecklist,
  IconClipboardCheck,
  IconClipboardList,
  IconCopy,
  IconFileImport,
  IconFilter,
  IconForms,
  IconHome,
  IconKey,
  IconListCheck,
  IconMailbox,
  IconShieldLock,
  IconSitemap,
  IconTicket,
  IconTrash,
  IconUserCircle,
  IconUserShield,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export type NavPath =
  | '/'
  | '/account'
  | '/contacts'
  | '/organisations'
  | '/segments'
  | '/data-quality'
  | '/ticketing/programme'
  | '/ticketing/orders'
  | '/admin/users'
  | '/admin/departments'
  | '/admin/roles'
  | '/admin/tokens'
  | '/admin/audit'
  | '/admin/outbox'
  | '/admin/security'
  | '/admin/jobs'
  | '/contacts/trash'
  | '/contacts/duplicates'
  | '/imports'
  | '/admin/custom-fields'
  | '/privacy/purposes';

export interface NavItem {
  to: NavPath;
  /** i18n key of the label. */
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Match the exact path only (for "/"). */
  exact?: boolean;
}

export interface NavSection {
  /** i18n key of the section heading; none for the main entries. */
  label?: string;
  /** Permission needed to see the section. */
  permission?: string;
  items: NavItem[];
}

/** Only screens that exist are listed here. */
export const navigation: NavSection[] = [
  { items: [{ to: '/', label: 'nav.home', icon: IconHome, exact: true }] },
  {
    permission: 'contacts.read',
    items: [
      { to: '/contacts', label: 'contacts.nav.people', icon: IconUsersGroup },
      { to: '/organisations', label: 'contacts.nav.organisations', icon: IconBuildingCommunity },
    ],
  },
  { permission: 'segments.read', items: [{ to: '/segments', label: 'segments.nav', icon: IconFilter }] },
  {
    permission: 'contacts.merge',
    items: [{ to: '/contacts/duplicates', label: 'duplicates.nav', icon: IconCopy }],
  },
  { permission: 'contacts.delete', items: [{ to: '/contacts/trash', label: 'nav.trash', icon: IconTrash }] },
  {
    permission: 'data_quality.manage',
    items: [{ to: '/data-quality', label: 'dataQuality.nav', icon: IconChecklist }],
  },
  {
    label: 'imports.nav.section',
    permission: 'intake.import',
    items: [{ to: '/imports', label: 'imports.nav.imports', icon: IconFileImport }],
  },
  {
    label: 'ticketing.nav.section',
    permission: 'ticketing.read',
    items: [
      { to: '/ticketing/programme', label: 'ticketing.nav.programme', icon: IconCalendarEvent },
      { to: '/ticketing/orders', label: 'ticketing.nav.sales', icon: IconTicket },
    ],
  },
  {
    label: 'nav.administration',
    permission: 'admin.access',
    items: [
      { to: '/admin/users', label: 'nav.users', icon: IconUsers },
      { to: '/admin/departments', label: 'nav.departments', icon: IconSitemap },
      { to: '/admin/roles', label: 'nav.roles', icon: IconUserShield },
      { to: '/admin/tokens', label: 'nav.tokens', icon: IconKey },
      { to: '/admin/audit', label: 'nav.audit', icon: IconClipboardList },
      { to: '/admin/outbox', label: 'nav.outbox', icon: IconMailbox },
      { to: '/admin/security', label: 'nav.security', icon: IconShieldLock },
      { to: '/admin/jobs', label: 'nav.jobs', icon: IconListCheck },
      { to: '/admin/custom-fields', label: 'nav.customFields', icon: IconForms },
    ],
  },
  {
    label: 'nav.dataProtection',
    permission: 'purposes.manage',
    items: [{ to: '/privacy/purposes', label: 'consent.nav.purposes', icon: IconClipboardCheck }],
  },
  { items: [{ to: '/account', label: 'nav.account', icon: IconUserCircle }] },
];

function matches(item: NavItem, pathname: string): boolean {
  if (item.exact) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** The deepest matching entry wins: /contacts/trash lights "Corbeille", not also "/contacts". */
export function isActive(item: NavItem, pathname: string): boolean {
  if (!matches(item, pathname)) return false;
  return !navigation.some((section) =>
    section.items.some(
      (other) => other.to.startsWith(`${item.to}/`) && other.to !== item.to && matches(other, pathname),
    ),
  );
}
