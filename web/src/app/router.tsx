import type { ReactNode } from 'react';
import { Outlet, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { AuditLogPage } from '../admin/AuditLogPage.tsx';
import { OrganisationsPage } from '../admin/OrganisationsPage.tsx';
import { TokensPage } from '../admin/TokensPage.tsx';
import { UsersPage } from '../admin/UsersPage.tsx';
import { ChangePasswordPage } from '../identity/ChangePasswordPage.tsx';
import { ProfilePage } from '../identity/ProfilePage.tsx';
import { ReferenceDataPage } from '../reference/ReferenceDataPage.tsx';
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

const routeTree = rootRoute.addChildren([
  page('/', HomePage),
  page('/profile', ProfilePage),
  page('/password', ChangePasswordPage),
  page('/reference', ReferenceDataPage),
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
