import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useFormErrors } from '../app/forms.tsx';
import { useSession } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { identityApi } from './identity-api.ts';
import { useWrite } from '../app/mutation.ts';

export const MIN_PASSWORD_LENGTH = 12;

export function ChangePasswordForm({ onDone }: { onDone?(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const fields: Record<string, string> = {};
    if (!currentPassword) fields.currentPassword = t('errors.required');
    if (newPassword.length < MIN_PASSWORD_LENGTH) fields.newPassword = t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
    else if (newPassword === currentPassword) fields.newPassword = t('password.sameAsCurrent');
    if (confirmation !== newPassword) fields.confirmation = t('password.mismatch');
    if (Object.keys(fields).length > 0) {
      setErrors({ detail: t('errors.checkFields'), fields });
      return;
    }
    await write.run(async () => {
      await identityApi.changePassword(currentPassword, newPassword);
      setCurrent('');
      setNew('');
      setConfirmation('');
      toasts.show({ tone: 'success', title: t('password.changed') });
      session.updateMe({ mustChangePassword: false });
      void queryClient.invalidateQueries({ queryKey: ['session'] });
      onDone?.();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="stack form-narrow">
      <ErrorSummary errors={errors} knownFields={['currentPassword', 'newPassword', 'confirmation']} />
      <TextField id="currentPassword" type="password" label={t('password.current')} value={currentPassword} onChange={setCurrent} autoComplete="current-password" error={errors.fields.currentPassword} required />
      <TextField id="newPassword" type="password" label={t('password.new')} value={newPassword} onChange={setNew} autoComplete="new-password" hint={t('password.rule', { min: MIN_PASSWORD_LENGTH })} error={errors.fields.newPassword} required />
      <TextField id="confirmation" type="password" label={t('password.confirm')} value={confirmation} onChange={setConfirmation} autoComplete="new-password" error={errors.fields.confirmation} required />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={write.pending}>
          {write.pending ? t('common.working') : t('password.submit')}
        </button>
      </div>
    </form>
  );
}
