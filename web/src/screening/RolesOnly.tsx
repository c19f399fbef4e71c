import type { ReactNode } from 'react';
import { ForbiddenPage } from '../app/NotFoundPage.tsx';
import { useMe } from '../app/session.tsx';

/** Shows a page only to the roles the server lets use it; others see the forbidden page. */
export function RolesOnly({ allowed, children }: { allowed(roles: readonly string[]): boolean; children: ReactNode }) {
  const me = useMe();
  return <>{allowed(me.roles) ? children : <ForbiddenPage />}</>;
}
