import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FormActions, TextField, useFormErrors } from '../app/forms.tsx';
import { Modal } from '../app/Modal.tsx';
import { MIN_PASSWORD_LENGTH } from '../identity/ChangePasswordForm.tsx';
import type { NewUser, Org } from './admin-api.ts';
import { OrgSelect } from './OrgSelect.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { useWrite } from '../app/mutation.ts';

const FIELDS = ['username', 'displayName', 'email', 'orgId', 'roles', 'password'];

export function NewUserForm({ orgs, onSave, onClose }: { orgs: Org[]; onSave(input: NewUser): Promise<void>; onClose(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<NewUser>({ username: '', displayName: '', email: '', orgId: '', roles: ['viewer'], password: '' });
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const set = <K extends keyof NewUser>(key: K) => (value: NewUser[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    await write.run(async () => {
      await onSave({ ...form, username: form.username.trim(), displayName: form.displayName.trim(), email: form.email.trim() });
    });
  };

  return (
    <Modal title={t('users.createTitle')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate className="stack">
        <ErrorSummary errors={errors} knownFields={FIELDS} />
        <div className="form-grid">
          <TextField id="username" label={t('auth.username')} value={form.username} onChange={set('username')} error={errors.fields.username} required autoComplete="off" dir="ltr" autoFocus />
          <TextField id="displayName" label={t('users.displayName')} value={form.displayName} onChange={set('displayName')} error={errors.fields.displayName} required autoComplete="off" />
          <TextField id="email" type="email" label={t('users.email')} value={form.email} onChange={set('email')} error={errors.fields.email} required autoComplete="off" />
          <OrgSelect id="orgId" label={t('users.organisation')} orgs={orgs} value={form.orgId} onChange={set('orgId')} error={errors.fields.orgId} required />
          <TextField id="initialPassword" type="password" label={t('users.initialPassword')} value={form.password} onChange={set('password')} error={errors.fields.password} hint={t('password.rule', { min: MIN_PASSWORD_LENGTH })} required autoComplete="new-password" />
        </div>
        <RoleCheckboxes id="roles" value={form.roles} onChange={set('roles')} error={errors.fields.roles} />
        <FormActions submitLabel={t('common.create')} onCancel={onClose} busy={write.pending} />
      </form>
    </Modal>
  );
}
