import { useTranslation } from 'react-i18next';
import { PublicShell } from '../app/PublicShell.tsx';
import { useSession } from '../app/session.tsx';
import { CredentialsForm } from './CredentialsForm.tsx';
import { SecondFactorForm } from './SecondFactorForm.tsx';
import { TotpEnrolmentForm } from './TotpEnrolmentForm.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const step = session.status === 'second-factor' ? session.secondFactor : 'credentials';

  return (
    <PublicShell>
      <div className="card auth-card">
        {step === 'verify' && <SecondFactorForm />}
        {step === 'enrol' && <TotpEnrolmentForm />}
        {step === 'credentials' && <CredentialsForm />}
        {step !== 'credentials' && (
          <button type="button" className="link-button" onClick={() => void session.signOut()}>
            {t('auth.useAnotherAccount')}
          </button>
        )}
      </div>
    </PublicShell>
  );
}
