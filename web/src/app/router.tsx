import type { ReactNode } from 'react';
import { Outlet, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { AuditLogPage } from '../admin/AuditLogPage.tsx';
import { AlertPage } from '../alerts/AlertPage.tsx';
import { EditAlertPage, NewAlertPage } from '../alerts/AlertFormPage.tsx';
import { InboxPage as AlertInboxPage } from '../alerts/InboxPage.tsx';
import { ListsPage as AlertListsPage } from '../alerts/ListsPage.tsx';
import { canKeepLists, canReadAlerts, canWriteAlerts } from '../alerts/alerts-api.ts';
import { BulletinPage } from '../alerts/bulletins/BulletinPage.tsx';
import { BulletinsPage } from '../alerts/bulletins/BulletinsPage.tsx';
import { EditBulletinPage, NewBulletinPage } from '../alerts/bulletins/BulletinFormPage.tsx';
import { canWriteBulletins } from '../alerts/bulletins/bulletins-api.ts';
import { EditProfilePage, NewProfilePage } from '../alerts/profiles/ProfileFormPage.tsx';
import { IntelProfilePage } from '../alerts/profiles/ProfilePage.tsx';
import { ProfilesPage } from '../alerts/profiles/ProfilesPage.tsx';
import { OrganisationsPage } from '../admin/OrganisationsPage.tsx';
import { TokensPage } from '../admin/TokensPage.tsx';
import { UsersPage } from '../admin/UsersPage.tsx';
import { ChangePasswordPage } from '../identity/ChangePasswordPage.tsx';
import { ProfilePage } from '../identity/ProfilePage.tsx';
import { ComposePage } from '../comm/ComposePage.tsx';
import { LibraryPage } from '../comm/LibraryPage.tsx';
import { MailboxPage } from '../comm/MailboxPage.tsx';
import { MembersPage } from '../comm/MembersPage.tsx';
import { MessagePage } from '../comm/MessagePage.tsx';
import { OperationHomePage } from '../comm/OperationHomePage.tsx';
import { OperationsPage } from '../comm/OperationsPage.tsx';
import { CasesPage, StatisticsPage } from '../comm/CasesPage.tsx';
import { FormattedComposePage } from '../comm/FormattedComposePage.tsx';
import { FormattedListPage, FormattedMessagePage } from '../comm/FormattedPages.tsx';
import { TemplatePage, TemplatesPage } from '../comm/TemplatesPage.tsx';
import { NewslettersPage } from '../comm/NewslettersPage.tsx';
import { validateComposeSearch, validateFormattedComposeSearch, validateMailboxSearch } from '../comm/search-params.ts';
import { ReferenceDataPage } from '../reference/ReferenceDataPage.tsx';
import { BatchPage } from '../screening/BatchPage.tsx';
import { HitPage } from '../screening/HitPage.tsx';
import { HitsPage } from '../screening/HitsPage.tsx';
import { IdentifierCheckPage } from '../screening/IdentifierCheckPage.tsx';
import { QueriesPage } from '../screening/QueriesPage.tsx';
import { RecordsPage } from '../screening/RecordsPage.tsx';
import { RolesOnly } from '../screening/RolesOnly.tsx';
import { SearchPage } from '../screening/SearchPage.tsx';
import { TraceRequestPage } from '../screening/TraceRequestPage.tsx';
import { TraceRequestsPage } from '../screening/TraceRequestsPage.tsx';
import { canRecord, canSearch, canSeeHits } from '../screening/screening-roles.ts';
import { DashboardPage } from '../seizures/DashboardPage.tsx';
import { DetailPage as SeizureDetailPage } from '../seizures/DetailPage.tsx';
import { ImportPage as SeizureImportPage } from '../seizures/ImportPage.tsx';
import { QueuePage as SeizureQueuePage } from '../seizures/QueuePage.tsx';
import { ReportPage as SeizureReportPage } from '../seizures/ReportPage.tsx';
import { SearchPage as SeizureSearchPage } from '../seizures/SearchPage.tsx';
import { EditSeizurePage, NewSeizurePage } from '../seizures/SeizureFormPage.tsx';
import { canImport, canReport, canReview } from '../seizures/seizure-roles.ts';
import { validateDashboardSearch, validateReportSearch, validateSeizureSearch } from '../seizures/search-params.ts';
import { CasePage as NationalCasePage } from '../national/CasePage.tsx';
import { CasesPage as NationalCasesPage } from '../national/CasesPage.tsx';
import { EditEntityPage } from '../national/EditEntityPage.tsx';
import { EntityPage } from '../national/EntityPage.tsx';
import { EntitySearchPage } from '../national/EntitySearchPage.tsx';
import { NationalGate } from '../national/NationalGate.tsx';
import { canReadNominal, canUseOutbox, canWriteNominal } from '../national/national-roles.ts';
import { NewEntityPage, validateNewEntitySearch } from '../national/NewEntityPage.tsx';
import { OutboxPage } from '../national/OutboxPage.tsx';
import { ReviewPage } from '../national/ReviewPage.tsx';
import { DirectoryPage } from '../desk/directory/DirectoryPage.tsx';
import { RequestsPage as HelpdeskRequestsPage } from '../desk/helpdesk/RequestsPage.tsx';
import { RequestPage as HelpdeskRequestPage } from '../desk/helpdesk/RequestPage.tsx';
import { StatsPage as HelpdeskStatsPage } from '../desk/helpdesk/StatsPage.tsx';
import { canUseHelpdesk } from '../../../server/desk/helpdesk/helpdesk-view.ts';
import { canReadDirectory, isI2cStaff } from '../../../server/desk/desk-view.ts';
import { DataRequestsPage } from '../desk/data-requests/DataRequestsPage.tsx';
import { NewDataRequestPage } from '../desk/data-requests/NewDataRequestPage.tsx';
import { DataRequestPage } from '../desk/data-requests/DataRequestPage.tsx';
import { DATA_REQUEST_READERS, canFileDataRequest } from '../../../server/desk/data-requests/data-requests-view.ts';
import { DiagnosticsPage } from '../desk/diagnostics/DiagnosticsPage.tsx';
import { RegionalPage as DiagnosticsRegionalPage } from '../desk/diagnostics/RegionalPage.tsx';
import { AssessmentPage as DiagnosticAssessmentPage } from '../desk/diagnostics/AssessmentPage.tsx';
import { ResultPage as DiagnosticResultPage } from '../desk/diagnostics/ResultPage.tsx';
import { canReadDiagnostics, canSeeRegionalDiagnostics } from '../../../server/desk/diagnostics/diagnostics-view.ts';
import { HomePage } from './HomePage.tsx';
import { ForbiddenPage, NotFoundPage } from './NotFoundPage.tsx';
import { AdminOnly, SessionGate } from './SessionGate.tsx';

const rootRoute = createRootRoute({
  component: () => (
    <SessionGate>
      <Outlet />
    </SessionGate>
  ),
  notFoundComponent: NotFoundPage,
});

const page = <Path extends string>(path: Path, component: () => ReactNode) => createRoute({ getParentRoute: () => rootRoute, path, component });

const adminPage = <Path extends string>(path: Path, Page: () => ReactNode) =>
  page(path, () => (
    <AdminOnly fallback={<ForbiddenPage />}>
      <Page />
    </AdminOnly>
  ));

const rolesPage = <Path extends string>(path: Path, allowed: (roles: readonly string[]) => boolean, Page: () => ReactNode) =>
  page(path, () => (
    <RolesOnly allowed={allowed}>
      <Page />
    </RolesOnly>
  ));

/** A page of a national node (nCEN): none on a hub, and only for the roles allowed. */
const nationalGated = (allowed: (roles: readonly string[]) => boolean, Page: () => ReactNode) => () => (
  <NationalGate allowed={allowed}>
    <Page />
  </NationalGate>
);
const nationalPage = <Path extends string>(path: Path, allowed: (roles: readonly string[]) => boolean, Page: () => ReactNode) => page(path, nationalGated(allowed, Page));

const routeTree = rootRoute.addChildren([
  page('/', HomePage),
  page('/profile', ProfilePage),
  page('/password', ChangePasswordPage),
  page('/reference', ReferenceDataPage),
  rolesPage('/screening', canSearch, SearchPage),
  rolesPage('/screening/batch', canSearch, BatchPage),
  page('/screening/identifiers', IdentifierCheckPage),
  rolesPage('/screening/records', canRecord, RecordsPage),
  rolesPage('/screening/hits', canSeeHits, HitsPage),
  rolesPage('/screening/hits/$id', canSeeHits, HitPage),
  rolesPage('/screening/trace-requests', canSeeHits, TraceRequestsPage),
  rolesPage('/screening/trace-requests/$id', canSeeHits, TraceRequestPage),
  adminPage('/screening/queries', QueriesPage),
  page('/operations', OperationsPage),
  page('/operations/$opId', OperationHomePage),
  createRoute({ getParentRoute: () => rootRoute, path: '/operations/$opId/mailbox', validateSearch: validateMailboxSearch, component: MailboxPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/operations/$opId/compose', validateSearch: validateComposeSearch, component: ComposePage }),
  page('/operations/$opId/messages/$messageId', MessagePage),
  page('/operations/$opId/library', LibraryPage),
  page('/operations/$opId/members', MembersPage),
  page('/operations/$opId/formatted', FormattedListPage),
  createRoute({ getParentRoute: () => rootRoute, path: '/operations/$opId/formatted/new', validateSearch: validateFormattedComposeSearch, component: FormattedComposePage }),
  page('/operations/$opId/formatted/$messageId', FormattedMessagePage),
  page('/operations/$opId/cases', CasesPage),
  page('/operations/$opId/statistics', StatisticsPage),
  page('/operations/$opId/templates', TemplatesPage),
  page('/operations/$opId/newsletters', NewslettersPage),
  page('/operations/$opId/templates/$templateId', TemplatePage),
  createRoute({ getParentRoute: () => rootRoute, path: '/seizures', validateSearch: validateSeizureSearch, component: SeizureSearchPage }),
  rolesPage('/seizures/new', canReport, NewSeizurePage),
  rolesPage('/seizures/queue', canReview, SeizureQueuePage),
  rolesPage('/seizures/import', canImport, SeizureImportPage),
  createRoute({ getParentRoute: () => rootRoute, path: '/seizures/dashboard', validateSearch: validateDashboardSearch, component: DashboardPage }),
  createRoute({ getParentRoute: () => rootRoute, path: '/seizures/report', validateSearch: validateReportSearch, component: SeizureReportPage }),
  page('/seizures/$id', SeizureDetailPage),
  rolesPage('/seizures/$id/edit', canReport, EditSeizurePage),
  rolesPage('/desk/directory', canReadDirectory, DirectoryPage),
  rolesPage('/desk/helpdesk', canUseHelpdesk, HelpdeskRequestsPage),
  // Static segments outrank /desk/helpdesk/$id.
  rolesPage('/desk/helpdesk/stats', isI2cStaff, HelpdeskStatsPage),
  rolesPage('/desk/helpdesk/$id', canUseHelpdesk, HelpdeskRequestPage),
  rolesPage('/desk/data-requests', (roles) => DATA_REQUEST_READERS.some((r) => roles.includes(r)), DataRequestsPage),
  rolesPage('/desk/data-requests/new', canFileDataRequest, NewDataRequestPage),
  rolesPage('/desk/data-requests/$id', (roles) => DATA_REQUEST_READERS.some((r) => roles.includes(r)), DataRequestPage),
  rolesPage('/desk/diagnostics', canReadDiagnostics, DiagnosticsPage),
  // Static segments outrank /desk/diagnostics/$id.
  rolesPage('/desk/diagnostics/regional', canSeeRegionalDiagnostics, DiagnosticsRegionalPage),
  rolesPage('/desk/diagnostics/$id', canReadDiagnostics, DiagnosticAssessmentPage),
  rolesPage('/desk/diagnostics/$id/result', canReadDiagnostics, DiagnosticResultPage),
  rolesPage('/alerts', canReadAlerts, AlertInboxPage),
  rolesPage('/alerts/new', canWriteAlerts, NewAlertPage),
  rolesPage('/alerts/lists', canKeepLists, AlertListsPage),
  // Static segments outrank /alerts/$id: /alerts/bulletins is never read as an alert's id.
  rolesPage('/alerts/bulletins', canReadAlerts, BulletinsPage),
  rolesPage('/alerts/bulletins/new', canWriteBulletins, NewBulletinPage),
  rolesPage('/alerts/bulletins/$id', canReadAlerts, BulletinPage),
  rolesPage('/alerts/bulletins/$id/edit', canWriteBulletins, EditBulletinPage),
  rolesPage('/alerts/profiles', canReadAlerts, ProfilesPage),
  rolesPage('/alerts/profiles/new', canWriteAlerts, NewProfilePage),
  rolesPage('/alerts/profiles/$id', canReadAlerts, IntelProfilePage),
  rolesPage('/alerts/profiles/$id/edit', canWriteAlerts, EditProfilePage),
  rolesPage('/alerts/$id', canReadAlerts, AlertPage),
  rolesPage('/alerts/$id/edit', canWriteAlerts, EditAlertPage),
  nationalPage('/national/entities', canReadNominal, EntitySearchPage),
  createRoute({ getParentRoute: () => rootRoute, path: '/national/entities/new', validateSearch: validateNewEntitySearch, component: nationalGated(canWriteNominal, NewEntityPage) }),
  nationalPage('/national/entities/$id', canReadNominal, EntityPage),
  nationalPage('/national/entities/$id/edit', canWriteNominal, EditEntityPage),
  nationalPage('/national/cases', canReadNominal, NationalCasesPage),
  nationalPage('/national/cases/$id', canReadNominal, NationalCasePage),
  nationalPage('/national/review', canReadNominal, ReviewPage),
  nationalPage('/national/outbox', canUseOutbox, OutboxPage),
  adminPage('/admin/organisations', OrganisationsPage),
  adminPage('/admin/users', UsersPage),
  adminPage('/admin/tokens', TokensPage),
  adminPage('/admin/audit', AuditLogPage),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
