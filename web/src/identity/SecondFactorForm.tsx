import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { ErrorSummary, TextField, useFormErrors } from '../app/forms.tsx';
import { useSession } from '../app/session.tsx';
import { identityApi } from './identity-api.ts';

/** The six-digit code from the authenticator app, for a user who has TOTP already. */
export function SecondFactorForm() {
  const { t } = useTranslation();
  const session = useSession();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      session.accept(await identityApi.verifyTotp(code.replace(/\s/g, '')));
    } catch (error) {
      setCode('');
      capture(error, error instanceof ApiError && error.status === 400 ? t('auth.wrongCode') : undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      <h1>{t('auth.secondFactorTitle')}</h1>
      <p className="muted">{t('auth.secondFactorIntro', { name: session.me?.displayName ?? '' })}</p>
      <ErrorSummary errors={errors} knownFields={['code']} />
      <TextField id="totp-code" label={t('auth.code')} value={code} onChange={setCode} autoComplete="one-time-code" inputMode="numeric" maxLength={8} error={errors.fields.code} required autoFocus dir="ltr" className="code-field" />
      <button type="submit" className="button button-primary button-block" disabled={busy || code.replace(/\s/g, '').length < 6}>
        {busy ? t('common.working') : t('auth.verify')}
      </button>
    </form>
  );
}
