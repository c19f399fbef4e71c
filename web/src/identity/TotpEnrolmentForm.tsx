import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { CopyButton } from '../app/CopyButton.tsx';
import { ErrorSummary, TextField, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useSession } from '../app/session.tsx';
import { identityApi } from './identity-api.ts';

/** First sign-in of someone who must use a second factor: scan the QR code, then prove it with a code. */
export function TotpEnrolmentForm() {
  const { t } = useTranslation();
  const session = useSession();
  const errorMessage = useErrorMessage();
  const enrolment = useQuery({
    queryKey: ['totp-enrolment', session.me?.id],
    queryFn: identityApi.enrolTotp,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      session.accept(await identityApi.confirmTotp(code.replace(/\s/g, '')));
    } catch (error) {
      setCode('');
      capture(error, error instanceof ApiError && error.status === 400 ? t('auth.wrongCode') : undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      <h1>{t('auth.enrolTitle')}</h1>
      <p className="muted">{t('auth.enrolIntro')}</p>
      {enrolment.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(enrolment.error)}
        </div>
      )}
      {enrolment.isPending && <p className="muted">{t('common.loading')}</p>}
      {enrolment.data && (
        <div className="enrolment">
          <ol className="steps">
            <li>{t('auth.enrolStepInstall')}</li>
            <li>{t('auth.enrolStepScan')}</li>
          </ol>
          <img className="qr" src={enrolment.data.qrDataUrl} alt={t('auth.qrAlt')} width={200} height={200} />
          <div className="secret">
            <span className="muted small">{t('auth.secretLabel')}</span>
            <code dir="ltr" data-testid="totp-secret">
              {enrolment.data.secret}
            </code>
            <CopyButton text={enrolment.data.secret} />
          </div>
          <ol className="steps" start={3}>
            <li>{t('auth.enrolStepCode')}</li>
          </ol>
        </div>
      )}
      <ErrorSummary errors={errors} knownFields={['code']} />
      <TextField id="totp-code" label={t('auth.code')} value={code} onChange={setCode} autoComplete="one-time-code" inputMode="numeric" maxLength={8} error={errors.fields.code} required dir="ltr" className="code-field" />
      <button type="submit" className="button button-primary button-block" disabled={busy || !enrolment.data || code.replace(/\s/g, '').length < 6}>
        {busy ? t('common.working') : t('auth.enrolConfirm')}
      </button>
    </form>
  );
}
