import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, TextField, describedBy, useFormErrors } from '../app/forms.tsx';
import { adminApi, adminKeys, type UserFilter } from './admin-api.ts';
import { useWrite } from '../app/mutation.ts';

const ALL_USERS: UserFilter = { q: '', orgId: '', role: '', page: 1, pageSize: 100 };
const FIELDS = ['name', 'userId', 'expiresInDays'];

export function IssueTokenForm({ onIssue }: { onIssue(input: { name: string; userId: string; expiresInDays?: number }): Promise<void> }) {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: adminKeys.users(ALL_USERS), queryFn: () => adminApi.users(ALL_USERS) });
  const [name, setName] = useState('');
  const [userId, setUserId] = useState('');
  const [days, setDays] = useState('90');
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    await write.run(async () => {
      const expiresInDays = days.trim() ? Number(days) : undefined;
      await onIssue({ name: name.trim(), userId, ...(expiresInDays !== undefined ? { expiresInDays } : {}) });
      setName('');
    });
  };

  // Tokens belong to system accounts, which other systems use to call the API.
  const active = (users.data?.items ?? []).filter((u) => u.system && !u.disabled);
  return (
    <form onSubmit={submit} noValidate className="stack">
      <ErrorSummary errors={errors} knownFields={FIELDS} />
      <div className="form-grid form-grid-3">
        <TextField id="token-name" label={t('tokens.name')} value={name} onChange={setName} error={errors.fields.name} hint={t('tokens.nameHint')} required />
        <Field id="token-user" label={t('tokens.user')} error={errors.fields.userId} hint={t('tokens.userHint')} required>
          <select id="token-user" value={userId} onChange={(e) => setUserId(e.target.value)} {...describedBy('token-user', errors.fields.userId, t('tokens.userHint'))}>
            <option value="">{t('common.choose')}</option>
            {active.map((u) => (
              <option key={u.id} value={u.id}>
                {`${u.displayName} (${u.username})`}
              </option>
            ))}
          </select>
        </Field>
        <TextField id="token-days" type="number" inputMode="numeric" label={t('tokens.expiresInDays')} value={days} onChange={setDays} error={errors.fields.expiresInDays} hint={t('tokens.expiresHint')} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={write.pending || !name.trim() || !userId}>
          {write.pending ? t('common.working') : t('tokens.issue')}
        </button>
      </div>
    </form>
  );
}
