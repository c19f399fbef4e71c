import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../app/CopyButton.tsx';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { ConfirmDialog, Modal } from '../app/Modal.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { Pager } from '../app/Pager.tsx';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { ROLES } from '../identity/identity-api.ts';
import { useDebouncedValue } from '../reference/use-debounced-value.ts';
import { adminApi, adminKeys, type NewUser, type User, type UserChange, type UserFilter } from './admin-api.ts';
import { EditUserForm } from './EditUserForm.tsx';
import { NewUserForm } from './NewUserForm.tsx';
import { OrgSelect } from './OrgSelect.tsx';

const PAGE_SIZE = 20;

type PendingAction = { kind: 'reset' | 'disable' | 'enable' | 'unlock'; user: User };

function isLocked(user: User): boolean {
  return !!user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now();
}

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const toasts = useToasts();
  const queryClient = useQueryClient();

  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState('');
  const [role, setRole] = useState('');
  const [page, setPage] = useState(1);
  const filter: UserFilter = { q: useDebouncedValue(q.trim(), 300), orgId, role, page, pageSize: PAGE_SIZE };

  const orgs = useQuery({ queryKey: adminKeys.organisations, queryFn: adminApi.organisations });
  const users = useQuery({ queryKey: adminKeys.users(filter), queryFn: () => adminApi.users(filter), placeholderData: keepPreviousData });

  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [temporary, setTemporary] = useState<{ user: User; password: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.users() });
  const orgList = orgs.data?.items ?? [];

  const create = async (input: NewUser) => {
    await adminApi.createUser(input);
    setCreating(false);
    toasts.show({ tone: 'success', title: t('users.created', { name: input.username }) });
    await refresh();
  };

  const update = async (user: User, change: UserChange) => {
    await adminApi.updateUser(user.id, change);
    setEditing(null);
    toasts.show({ tone: 'success', title: t('users.updated', { name: user.username }) });
    await refresh();
  };

  const runPending = async () => {
    if (!pending) return;
    const { kind, user } = pending;
    setBusy(true);
    try {
      if (kind === 'reset') {
        const { temporaryPassword } = await adminApi.resetPassword(user.id);
        setTemporary({ user, password: temporaryPassword });
      } else if (kind === 'unlock') {
        await adminApi.unlockUser(user.id);
        toasts.show({ tone: 'success', title: t('users.unlocked', { name: user.username }) });
      } else {
        await adminApi.updateUser(user.id, { disabled: kind === 'disable' });
        toasts.show({ tone: 'success', title: t(kind === 'disable' ? 'users.disabledDone' : 'users.enabledDone', { name: user.username }) });
      }
      await refresh();
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const changeFilter = (apply: () => void) => {
    apply();
    setPage(1);
  };

  const items = users.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('users.create')}
          </button>
        }
      />
      <section className="panel">
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="user-q">{t('common.search')}</label>
            <input id="user-q" type="search" value={q} placeholder={t('users.searchHint')} onChange={(e) => changeFilter(() => setQ(e.target.value))} />
          </div>
          <OrgSelect id="user-org" label={t('users.organisation')} orgs={orgList} value={orgId} onChange={(v) => changeFilter(() => setOrgId(v))} allowAny />
          <div className="field">
            <label htmlFor="user-role">{t('users.role')}</label>
            <select id="user-role" value={role} onChange={(e) => changeFilter(() => setRole(e.target.value))}>
              <option value="">{t('common.any')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
        </form>
        {users.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(users.error)}
          </div>
        )}
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('users.account')}</th>
                <th scope="col">{t('users.organisation')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((user) => (
                <tr key={user.id} data-username={user.username}>
                  <td>
                    <span className="block" dir="auto">{user.displayName}</span>
                    <span className="mono small block" dir="ltr">{user.username}</span>
                    <span className="muted small block" dir="ltr">{user.email}</span>
                  </td>
                  <td className="wide-text">{user.orgName}</td>
                  <td>
                    <span className="badges">
                      {user.roles.map((r) => (
                        <span key={r} className="badge">{t(`roles.${r}`, { defaultValue: r })}</span>
                      ))}
                    </span>
                  </td>
                  <td>
                    <span className="badges">
                      {user.disabled ? <span className="badge badge-danger">{t('users.disabled')}</span> : <span className="badge badge-ok">{t('users.active')}</span>}
                      {isLocked(user) && <span className="badge badge-warning" title={format.dateTime(user.lockedUntil)}>{t('users.locked')}</span>}
                      {user.totpEnabled && <span className="badge">{t('users.totp')}</span>}
                      {user.system && <span className="badge badge-muted">{t('users.system')}</span>}
                    </span>
                    <span className="muted small block nowrap" title={t('users.lastLogin')}>
                      {t('users.lastLoginAt', { when: user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.never') })}
                    </span>
                  </td>
                  <td className="actions">
                    <div className="button-row">
                      <button type="button" className="button button-small" disabled={user.system} onClick={() => setEditing(user)}>
                        {t('common.edit')}
                      </button>
                      <button type="button" className="button button-small" disabled={user.system} onClick={() => setPending({ kind: 'reset', user })}>
                        {t('users.resetPassword')}
                      </button>
                      {isLocked(user) && (
                        <button type="button" className="button button-small" onClick={() => setPending({ kind: 'unlock', user })}>
                          {t('users.unlock')}
                        </button>
                      )}
                      {user.disabled ? (
                        <button type="button" className="button button-small" onClick={() => setPending({ kind: 'enable', user })}>
                          {t('users.enable')}
                        </button>
                      ) : (
                        <button type="button" className="button button-small button-danger-outline" disabled={user.system || user.id === me.id} onClick={() => setPending({ kind: 'disable', user })}>
                          {t('users.disable')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
              {items.length === 0 && !users.isPending && (
                <tr>
                  <td colSpan={5} className="empty">{t('common.nothingFound')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <Pager page={page} pageSize={PAGE_SIZE} total={users.data?.total ?? 0} onPage={setPage} />
      </section>

      {creating && <NewUserForm orgs={orgList} onSave={create} onClose={() => setCreating(false)} />}
      {editing && <EditUserForm user={editing} orgs={orgList} onSave={(change) => update(editing, change)} onClose={() => setEditing(null)} />}
      {pending && (
        <ConfirmDialog
          title={t(`users.confirm.${pending.kind}.title`)}
          message={t(`users.confirm.${pending.kind}.message`, { name: pending.user.username })}
          confirmLabel={t(`users.confirm.${pending.kind}.button`)}
          danger={pending.kind === 'disable' || pending.kind === 'reset'}
          busy={busy}
          onConfirm={() => void runPending()}
          onCancel={() => setPending(null)}
        />
      )}
      {temporary && (
        <Modal
          title={t('users.temporaryTitle', { name: temporary.user.username })}
          onClose={() => setTemporary(null)}
          footer={
            <button type="button" className="button button-primary" onClick={() => setTemporary(null)}>
              {t('common.done')}
            </button>
          }
        >
          <p>{t('users.temporaryIntro')}</p>
          <div className="secret">
            <code dir="ltr" data-testid="temporary-password">{temporary.password}</code>
            <CopyButton text={temporary.password} />
          </div>
        </Modal>
      )}
    </>
  );
}
