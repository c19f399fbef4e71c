import type { ReactNode } from 'react';
import { ForbiddenPage, NotFoundPage } from '../app/NotFoundPage.tsx';
import { useMe, useSession } from '../app/session.tsx';

/** Shows an nCEN page only on a national node (a hub has none) and to the roles the server lets use it. */
export function NationalGate({ allowed, children }: { allowed(roles: readonly string[]): boolean; children: ReactNode }) {
  const { node } = useSession();
  const me = useMe();
  if (node !== 'national') return <NotFoundPage />;
  return <>{allowed(me.roles) ? children : <ForbiddenPage />}</>;
}
