import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ForcedPasswordChangePage } from '../identity/ForcedPasswordChangePage.tsx';
import { SignInPage } from '../identity/SignInPage.tsx';
import { AppShell } from './AppShell.tsx';
import { PublicShell } from './PublicShell.tsx';
import { useSession } from './session.tsx';

/**
 * Decides what a visitor may see: sign-in (with its second factor) until fully
 * signed in, then a forced password change if an administrator reset it, then the app.
 * The address stays as it was, so a deep link opens once signed in.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();

  if (session.status === 'loading') {
    return (
      <div className="splash" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        <span className="visually-hidden">{t('common.loading')}</span>
      </div>
    );
  }
  if (session.status === 'unreachable') {
    return (
      <PublicShell>
        <div className="card auth-card" role="alert">
          <h1>{t('errors.unreachableTitle')}</h1>
          <p>{t('errors.unreachable')}</p>
          <button type="button" className="button button-primary" onClick={session.retry}>
            {t('common.retry')}
          </button>
        </div>
      </PublicShell>
    );
  }
  if (session.status !== 'signed-in') return <SignInPage />;
  if (session.me?.mustChangePassword) return <ForcedPasswordChangePage />;
  return <AppShell>{children}</AppShell>;
}

export function AdminOnly({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { me } = useSession();
  return <>{me?.roles.includes('admin') ? children : fallback}</>;
}
