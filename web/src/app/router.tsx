import { Center, Loader, VisuallyHidden } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import type { AuditFilters } from '../features/audit/audit-api';
import { LoginPage } from '../features/auth/login-page';
import { PasswordResetConfirmPage } from '../features/auth/password-reset-confirm-page';
import { PasswordResetRequestPage } from '../features/auth/password-reset-request-page';
import { SetupPage } from '../features/auth/setup-page';
import {
  validateContactListSearch,
  validateOrganisationListSearch,
} from '../features/contacts/contact-list-search';
import { validateDuplicateListSearch } from '../features/duplicates/duplicate-list-search';
import { validateOrderListSearch } from '../features/ticketing/order-list-search';
import { BackOfficeShell } from './app-shell';
import { redirectIfSignedIn, requireSession, setupStatusQueryOptions, useAuth } from './auth';
import { ForbiddenPage, NotFoundPage } from './status-pages';

export interface RouterContext {
  queryClient: QueryClient;
}

const lazy = {
  home: lazyRouteComponent(() => import('../features/home/home-page'), 'HomePage'),
  accountLayout: lazyRouteComponent(() => import('../features/account/account-layout'), 'AccountLayout'),
  password: lazyRouteComponent(() => import('../features/account/password-tab'), 'PasswordTab'),
  twoFactor: lazyRouteComponent(() => import('../features/account/two-factor-tab'), 'TwoFactorTab'),
  myTokens: lazyRouteComponent(() => import('../features/account/my-tokens-tab'), 'MyTokensTab'),
  users: lazyRouteComponent(() => import('../features/users/user-list-page'), 'UserListPage'),
  userCreate: lazyRouteComponent(() => import('../features/users/user-create-page'), 'UserCreatePage'),
  userEdit: lazyRouteComponent(() => import('../features/users/user-edit-page'), 'UserEditPage'),
  departments: lazyRouteComponent(
    () => import('../features/departments/department-list-page'),
    'DepartmentListPage',
  ),
  roles: lazyRouteComponent(() => import('../features/roles/role-list-page'), 'RoleListPage'),
  roleEdit: lazyRouteComponent(() => import('../features/roles/role-edit-page'), 'RoleEditPage'),
  tokens: lazyRouteComponent(() => import('../features/tokens/token-list-page'), 'TokenListPage'),
  audit: lazyRouteComponent(() => import('../features/audit/audit-page'), 'AuditPage'),
  outbox: lazyRouteComponent(() => import('../features/outbox/outbox-list-page'), 'OutboxListPage'),
  outboxMessage: lazyRouteComponent(
    () => import('../features/outbox/outbox-message-page'),
    'OutboxMessagePage',
  ),
  security: lazyRouteComponent(
    () => import('../features/settings/security-settings-page'),
    'SecuritySettingsPage',
  ),
  jobs: lazyRouteComponent(() => import('../features/jobs/job-list-page'), 'JobListPage'),
  jobDetail: lazyRouteComponent(() => import('../features/jobs/job-detail-page'), 'JobDetailPage'),
  contactList: lazyRouteComponent(() => import('../features/contacts/contact-list-page'), 'ContactListPage'),
  organisationList: lazyRouteComponent(
    () => import('../features/contacts/organisation-list-page'),
    'OrganisationListPage',
  ),
  personRecord: lazyRouteComponent(
    () => import('../features/contact-record/person-record-page'),
    'PersonRecordPage',
  ),
  personCreate: lazyRouteComponent(
    () => import('../features/contact-record/person-create-page'),
    'PersonCreatePage',
  ),
  personEdit: lazyRouteComponent(
    () => import('../features/contact-record/person-edit-page'),
    'PersonEditPage',
  ),
  vcardImport: lazyRouteComponent(
    () => import('../features/contact-record/vcard-import-page'),
    'VCardImportPage',
  ),
  trash: lazyRouteComponent(() => import('../features/trash/trash-page'), 'TrashPage'),
  imports: lazyRouteComponent(() => import('../features/imports/import-history-page'), 'ImportHistoryPage'),
  importWizard: lazyRouteComponent(
    () => import('../features/imports/import-wizard-page'),
    'ImportWizardPage',
  ),
  importDetail: lazyRouteComponent(
    () => import('../features/imports/import-detail-page'),
    'ImportDetailPage',
  ),
  duplicates: lazyRouteComponent(
    () => import('../features/duplicates/duplicate-list-page'),
    'DuplicateListPage',
  ),
  duplicatePair: lazyRouteComponent(
    () => import('../features/duplicates/pair-review-page'),
    'PairReviewPage',
  ),
  organisationRecord: lazyRouteComponent(
    () => import('../features/organisations/organisation-page'),
    'OrganisationPage',
  ),
  organisationCreate: lazyRouteComponent(
    () => import('../features/organisations/organisation-create-page'),
    'OrganisationCreatePage',
  ),
  organisationEdit: lazyRouteComponent(
    () => import('../features/organisations/organisation-edit-page'),
    'OrganisationEditPage',
  ),
  customFields: lazyRouteComponent(
    () => import('../features/custom-fields/custom-fields-page'),
    'CustomFieldsPage',
  ),
  purposes: lazyRouteComponent(() => import('../features/consent/purpose-list-page'), 'PurposeListPage'),
  dataQuality: lazyRouteComponent(
    () => import('../features/data-quality/data-quality-page'),
    'DataQualityPage',
  ),
  programme: lazyRouteComponent(() => import('../features/ticketing/programme-layout'), 'ProgrammeLayout'),
  seasons: lazyRouteComponent(() => import('../features/ticketing/seasons-tab'), 'SeasonsTab'),
  venues: lazyRouteComponent(() => import('../features/ticketing/venues-tab'), 'VenuesTab'),
  productions: lazyRouteComponent(() => import('../features/ticketing/productions-tab'), 'ProductionsTab'),
  performances: lazyRouteComponent(() => import('../features/ticketing/performances-tab'), 'PerformancesTab'),
  priceCategories: lazyRouteComponent(
    () => import('../features/ticketing/price-categories-tab'),
    'PriceCategoriesTab',
  ),
  orders: lazyRouteComponent(() => import('../features/ticketing/order-list-page'), 'OrderListPage'),
  order: lazyRouteComponent(() => import('../features/ticketing/order-page'), 'OrderPage'),
  segments: lazyRouteComponent(() => import('../features/segments/segment-list-page'), 'SegmentListPage'),
  segmentCreate: lazyRouteComponent(() => import('../features/segments/segment-page'), 'SegmentCreatePage'),
  segment: lazyRouteComponent(() => import('../features/segments/segment-page'), 'SegmentPage'),
  lists: lazyRouteComponent(() => import('../features/segments/list-list-page'), 'ListListPage'),
  list: lazyRouteComponent(() => import('../features/segments/list-page'), 'ListPage'),
};

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

// Public pages ------------------------------------------------------------------------------

const auditFilterKeys = ['actorId', 'entityType', 'entityId', 'action', 'from', 'to'] as const;

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: optionalString(search.redirect),
  }),
  beforeLoad: ({ context }) => redirectIfSignedIn(context.queryClient),
  component: LoginRoute,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQueryOptions);
    if (!status.needsSetup) throw redirect({ to: '/login' });
  },
  component: SetupPage,
});

const passwordResetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'password-reset',
  component: PasswordResetRequestPage,
});

const passwordResetConfirmRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'password-reset/confirm',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({
    token: optionalString(search.token),
  }),
  component: PasswordResetConfirmRoute,
});

// Back office -------------------------------------------------------------------------------

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: ({ context, location }) => requireSession(context.queryClient, location),
  component: BackOfficeShell,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: lazy.home });

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account',
  component: lazy.accountLayout,
});
const accountPasswordRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: '/',
  component: lazy.password,
});
const accountTwoFactorRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: 'two-factor',
  component: lazy.twoFactor,
});
const accountTokensRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: 'tokens',
  component: lazy.myTokens,
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'admin',
  component: AdminGate,
});
const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/users' });
  },
});
const usersRoute = createRoute({ getParentRoute: () => adminRoute, path: 'users', component: lazy.users });
const userCreateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'users/new',
  component: lazy.userCreate,
});
const userEditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'users/$userId',
  component: lazy.userEdit,
});
const departmentsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'departments',
  component: lazy.departments,
});
const rolesRoute = createRoute({ getParentRoute: () => adminRoute, path: 'roles', component: lazy.roles });
const roleCreateRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'roles/new',
  component: lazy.roleEdit,
});
const roleEditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'roles/$roleId',
  component: lazy.roleEdit,
});
const tokensRoute = createRoute({ getParentRoute: () => adminRoute, path: 'tokens', component: lazy.tokens });
const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'audit',
  validateSearch: (search: Record<string, unknown>): AuditFilters => {
    const filters: AuditFilters = {};
    for (const key of auditFilterKeys) {
      const value = optionalString(search[key]);
      if (value) filters[key] = value;
    }
    return filters;
  },
  component: lazy.audit,
});
const outboxRoute = createRoute({ getParentRoute: () => adminRoute, path: 'outbox', component: lazy.outbox });
const outboxMessageRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'outbox/$messageId',
  component: lazy.outboxMessage,
});
const securityRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'security',
  component: lazy.security,
});
const jobsRoute = createRoute({ getParentRoute: () => adminRoute, path: 'jobs', component: lazy.jobs });
const jobDetailRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'jobs/$jobId',
  component: lazy.jobDetail,
});

const contactListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'contacts',
  validateSearch: validateContactListSearch,
  component: lazy.contactList,
});
const organisationListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organisations',
  validateSearch: validateOrganisationListSearch,
  component: lazy.organisationList,
});

// Person and organisation records (static segments rank before $personId).
const personCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'contacts/new',
  component: lazy.personCreate,
});
const trashRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'contacts/trash',
  component: lazy.trash,
});
const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'contacts/duplicates',
  validateSearch: validateDuplicateListSearch,
  component: lazy.duplicates,
});
const duplicatePairRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'contacts/duplicates/$pairId',
  component: lazy.duplicatePair,
});
const vcardImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'contacts/import-vcard',
  component: lazy.vcardImport,
});
const personRecordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'contacts/$personId',
  component: lazy.personRecord,
});
const personEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'contacts/$personId/edit',
  component: lazy.personEdit,
});
const organisationCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organisations/new',
  component: lazy.organisationCreate,
});
const organisationRecordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organisations/$organisationId',
  component: lazy.organisationRecord,
});
const organisationEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organisations/$organisationId/edit',
  component: lazy.organisationEdit,
});
const dataQualityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'data-quality',
  component: lazy.dataQuality,
});
const customFieldsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'custom-fields',
  component: lazy.customFields,
});
const purposesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'privacy/purposes',
  component: lazy.purposes,
});

// File imports (the static "new" ranks before $importId).
const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'imports',
  component: lazy.imports,
});
const importWizardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'imports/new',
  component: lazy.importWizard,
});
const importDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'imports/$importId',
  component: lazy.importDetail,
});

// Ticketing: programme (one tab per catalogue resource) and sales.
const programmeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ticketing/programme',
  component: lazy.programme,
});
const programmeIndexRoute = createRoute({
  getParentRoute: () => programmeRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/ticketing/programme/seasons' });
  },
});
const programmeTabs = (
  [
    ['seasons', lazy.seasons],
    ['venues', lazy.venues],
    ['productions', lazy.productions],
    ['performances', lazy.performances],
    ['price-categories', lazy.priceCategories],
  ] as const
).map(([path, component]) => createRoute({ getParentRoute: () => programmeRoute, path, component }));
const ordersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ticketing/orders',
  validateSearch: validateOrderListSearch,
  component: lazy.orders,
});
const orderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ticketing/orders/$orderId',
  component: lazy.order,
});

// Segments and static lists (the static "new" and "lists" rank before $segmentId).
const segmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'segments',
  component: lazy.segments,
});
const segmentCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'segments/new',
  component: lazy.segmentCreate,
});
const segmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'segments/$segmentId',
  component: lazy.segment,
});
const listsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'segments/lists',
  component: lazy.lists,
});
const listRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'segments/lists/$listId',
  component: lazy.list,
});

// Route components ------------------------------------------------------------------------

function LoginRoute() {
  const { redirect: target } = loginRoute.useSearch();
  return <LoginPage redirectTo={target} />;
}

function PasswordResetConfirmRoute() {
  const { token } = passwordResetConfirmRoute.useSearch();
  return <PasswordResetConfirmPage token={token} />;
}

function AdminGate() {
  const { can } = useAuth();
  return can('admin.access') ? <Outlet /> : <ForbiddenPage />;
}

function PendingPage() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}

const routeTree = rootRoute.addChildren([
  loginRoute,
  setupRoute,
  passwordResetRoute,
  passwordResetConfirmRoute,
  appRoute.addChildren([
    homeRoute,
    contactListRoute,
    organisationListRoute,
    personCreateRoute,
    trashRoute,
    duplicatesRoute,
    purposesRoute,
    duplicatePairRoute,
    vcardImportRoute,
    personRecordRoute,
    personEditRoute,
    organisationCreateRoute,
    organisationRecordRoute,
    organisationEditRoute,
    dataQualityRoute,
    importsRoute,
    importWizardRoute,
    importDetailRoute,
    programmeRoute.addChildren([programmeIndexRoute, ...programmeTabs]),
    ordersRoute,
    orderRoute,
    segmentsRoute,
    segmentCreateRoute,
    segmentRoute,
    listsRoute,
    listRoute,
    accountRoute.addChildren([accountPasswordRoute, accountTwoFactorRoute, accountTokensRoute]),
    adminRoute.addChildren([
      adminIndexRoute,
      usersRoute,
      userCreateRoute,
      userEditRoute,
      departmentsRoute,
      rolesRoute,
      roleCreateRoute,
      roleEditRoute,
      tokensRoute,
      auditRoute,
      outboxRoute,
      outboxMessageRoute,
      securityRoute,
      jobsRoute,
      jobDetailRoute,
      customFieldsRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // React Query owns caching; the router always asks it.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PendingPage,
    defaultErrorComponent: ({ error }) => <ErrorAlert error={error} />,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
