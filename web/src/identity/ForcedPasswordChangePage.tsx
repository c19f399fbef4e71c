import { useTranslation } from 'react-i18next';
import { PublicShell } from '../app/PublicShell.tsx';
import { useSession } from '../app/session.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** After an administrator reset the password, nothing else opens until the user has chosen a new one. */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <PublicShell>
      <div className="card auth-card">
        <h1>{t('password.forcedTitle')}</h1>
        <p className="muted">{t('password.forcedIntro', { name: session.me?.displayName ?? '' })}</p>
        <ChangePasswordForm />
        <button type="button" className="link-button" onClick={() => void session.signOut()}>
          {t('nav.signOut')}
        </button>
      </div>
    </PublicShell>
  );
}
