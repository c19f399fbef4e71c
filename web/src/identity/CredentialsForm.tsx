import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { ErrorSummary, TextField, useFormErrors } from '../app/forms.tsx';
import { useSession } from '../app/session.tsx';
import { identityApi } from './identity-api.ts';

export function CredentialsForm() {
  const { t } = useTranslation();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      session.accept(await identityApi.login(username.trim(), password));
    } catch (error) {
      setPassword('');
      if (error instanceof ApiError && error.status === 401) capture(error, t('auth.wrongCredentials'));
      else if (error instanceof ApiError && error.status === 429)
        capture(error, error.problem.detail ? `${t('auth.lockedOut')} ${error.problem.detail}` : t('auth.lockedOut'));
      else capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      <h1>{t('auth.signInTitle')}</h1>
      <p className="muted">{t('auth.signInIntro')}</p>
      <ErrorSummary errors={errors} knownFields={['username', 'password']} />
      <TextField id="username" label={t('auth.username')} value={username} onChange={setUsername} autoComplete="username" error={errors.fields.username} required autoFocus dir="ltr" />
      <TextField id="password" label={t('auth.password')} type="password" value={password} onChange={setPassword} autoComplete="current-password" error={errors.fields.password} required />
      <button type="submit" className="button button-primary button-block" disabled={busy || !username || !password}>
        {busy ? t('common.working') : t('auth.signIn')}
      </button>
    </form>
  );
}
