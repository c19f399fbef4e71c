import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../app/CopyButton.tsx';
import { ConfirmDialog, Modal } from '../app/Modal.tsx';
import { ErrorSummary, FormActions, Field, TextField, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { useDebouncedValue } from '../reference/use-debounced-value.ts';
import { commApi, commKeys, mayManage, OPERATION_ROLES, type Candidate, type GroupUserInput, type Member, type Operation, type OperationRole, type TemporaryPassword } from './comm-api.ts';
import { OperationFrame } from './OperationFrame.tsx';
import { PersonPicker } from './PersonPicker.tsx';

/** The operation's members and roles; an OCU+ adds, removes, changes roles and creates accounts for the group. */
export function MembersPage() {
  const { opId } = useParams({ from: '/operations/$opId/members' });
  return (
    <OperationFrame opId={opId} tab="members">
      {(op) => <Members op={op} />}
    </OperationFrame>
  );
}

function RoleSelect({ id, label, value, onChange, disabled }: { id: string; label: string; value: OperationRole; onChange(role: OperationRole): void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as OperationRole)} disabled={disabled}>
      {OPERATION_ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`comm.roles.${r}`)}
        </option>
      ))}
    </select>
  );
}

function Members({ op }: { op: Operation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const members = useQuery({ queryKey: commKeys.members(op.id), queryFn: () => commApi.members(op.id) });
  const manager = mayManage(op.myRole);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [creating, setCreating] = useState(false);
  const [temporary, setTemporary] = useState<TemporaryPassword | null>(null);
  const [busy, setBusy] = useState(false);
  const items = members.data?.items ?? [];

  const after = async (items?: Member[]) => {
    if (items) queryClient.setQueryData(commKeys.members(op.id), { items });
    else await queryClient.invalidateQueries({ queryKey: commKeys.members(op.id) });
    await queryClient.invalidateQueries({ queryKey: commKeys.operation(op.id), exact: true });
  };

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    try {
      await run();
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel stack">
      {manager && (
        <div className="toolbar">
          <AddMember opId={op.id} onAdded={(list) => void after(list)} />
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('comm.members.createAccount')}
          </button>
        </div>
      )}
      {members.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(members.error)}
        </div>
      )}
      <div className="table-wrap">
        <table data-testid="members">
          <thead>
            <tr>
              <th scope="col">{t('comm.members.name')}</th>
              <th scope="col">{t('comm.members.organisation')}</th>
              <th scope="col">{t('comm.members.country')}</th>
              <th scope="col">{t('comm.members.role')}</th>
              <th scope="col">{t('comm.members.since')}</th>
              {manager && (
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.userId} data-member={m.username}>
                <td>
                  <bdi>{m.displayName}</bdi> <span className="muted small mono">{m.username}</span>
                  {m.createdForGroup && <span className="badge badge-muted">{t('comm.members.groupAccount')}</span>}
                </td>
                <td dir="auto">{m.orgName}</td>
                <td>{m.country ?? ''}</td>
                <td>
                  {manager ? (
                    <RoleSelect
                      id={`role-${m.userId}`}
                      label={t('comm.members.roleOf', { name: m.displayName })}
                      value={m.role}
                      disabled={busy}
                      onChange={(role) =>
                        void act(async () => {
                          await after((await commApi.setRole(op.id, m.userId, role)).items);
                          toasts.show({ tone: 'success', title: t('comm.members.roleChanged', { name: m.displayName }) });
                        })
                      }
                    />
                  ) : (
                    t(`comm.roles.${m.role}`)
                  )}
                </td>
                <td className="nowrap">{format.date(m.addedAt)}</td>
                {manager && (
                  <td className="actions">
                    <div className="button-row">
                      {m.createdForGroup && m.userId !== me.id && (
                        <button type="button" className="button button-small" disabled={busy} onClick={() => void act(async () => setTemporary(await commApi.resetGroupUser(op.id, m.userId)))}>
                          {t('comm.members.resetPassword')}
                        </button>
                      )}
                      <button type="button" className="button button-small button-danger-outline" disabled={busy} onClick={() => setRemoving(m)}>
                        {t('comm.members.remove')}
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {removing && (
        <ConfirmDialog
          title={t('comm.members.removeTitle', { name: removing.displayName })}
          message={t('comm.members.removeText')}
          confirmLabel={t('comm.members.remove')}
          danger
          busy={busy}
          onCancel={() => setRemoving(null)}
          onConfirm={() =>
            void act(async () => {
              await commApi.removeMember(op.id, removing.userId);
              setRemoving(null);
              await after();
            })
          }
        />
      )}
      {creating && (
        <GroupAccountForm
          opId={op.id}
          onClose={() => setCreating(false)}
          onCreated={(tmp) => {
            setCreating(false);
            setTemporary(tmp);
            void after();
          }}
        />
      )}
      {temporary && (
        <Modal
          title={t('comm.members.temporaryTitle', { name: temporary.username })}
          onClose={() => setTemporary(null)}
          footer={
            <button type="button" className="button button-primary" onClick={() => setTemporary(null)}>
              {t('common.done')}
            </button>
          }
        >
          <p>{t('comm.members.temporaryText')}</p>
          <p className="temporary-password">
            <code data-testid="temporary-password">{temporary.temporaryPassword}</code>
            <CopyButton text={temporary.temporaryPassword} />
          </p>
        </Modal>
      )}
    </section>
  );
}

function AddMember({ opId, onAdded }: { opId: string; onAdded(items: Member[]): void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const { errors, capture, clear } = useFormErrors();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Candidate | null>(null);
  const [role, setRole] = useState<OperationRole>('pu');
  const [busy, setBusy] = useState(false);
  const term = useDebouncedValue(text.trim(), 250);
  const candidates = useQuery({ queryKey: commKeys.candidates(opId, term), queryFn: () => commApi.candidates(opId, term), enabled: term.length >= 2 });
  const options = (candidates.data?.items ?? []).map((c) => ({ id: c.id, label: c.displayName, detail: `${c.username} · ${c.orgName}` }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked) return;
    clear();
    setBusy(true);
    try {
      const { items } = await commApi.addMember(opId, picked.id, role);
      toasts.show({ tone: 'success', title: t('comm.members.added', { name: picked.displayName }) });
      setPicked(null);
      onAdded(items);
    } catch (error) {
      capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="filters" onSubmit={submit} noValidate data-testid="add-member">
      {picked ? (
        <Field id="add-member-picked" label={t('comm.members.add')}>
          <span className="chip" id="add-member-picked">
            <bdi>{picked.displayName}</bdi>
            <button type="button" className="icon-button" aria-label={t('common.clear')} onClick={() => setPicked(null)}>
              ×
            </button>
          </span>
        </Field>
      ) : (
        <PersonPicker
          id="add-member"
          label={t('comm.members.add')}
          text={text}
          onText={setText}
          options={options}
          onChoose={(o) => setPicked(candidates.data?.items.find((c) => c.id === o.id) ?? null)}
          hint={t('comm.members.addHint')}
          emptyText={term.length >= 2 && !candidates.isFetching ? t('reference.noMatches') : undefined}
          error={errors.detail ?? undefined}
        />
      )}
      <Field id="add-member-role" label={t('comm.members.role')}>
        <RoleSelect id="add-member-role" label={t('comm.members.role')} value={role} onChange={setRole} />
      </Field>
      <div className="filters-buttons">
        <button type="submit" className="button button-primary" disabled={!picked || busy}>
          {t('comm.members.addButton')}
        </button>
      </div>
    </form>
  );
}

const GROUP_FIELDS = ['username', 'displayName', 'email', 'role'];

function GroupAccountForm({ opId, onClose, onCreated }: { opId: string; onClose(): void; onCreated(tmp: TemporaryPassword): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<GroupUserInput>({ username: '', displayName: '', email: '', role: 'pu' });
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear } = useFormErrors();
  const set = <K extends keyof GroupUserInput>(key: K) => (value: GroupUserInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setBusy(true);
    try {
      onCreated(await commApi.createGroupUser(opId, { ...form, username: form.username.trim(), displayName: form.displayName.trim(), email: form.email.trim() }));
    } catch (error) {
      capture(error);
      setBusy(false);
    }
  };
  return (
    <Modal title={t('comm.members.createAccount')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate className="stack">
        <p className="muted">{t('comm.members.createAccountIntro')}</p>
        <ErrorSummary errors={errors} knownFields={GROUP_FIELDS} />
        <div className="form-grid">
          <TextField id="group-username" label={t('auth.username')} value={form.username} onChange={set('username')} error={errors.fields.username} required autoComplete="off" dir="ltr" autoFocus />
          <TextField id="group-displayName" label={t('users.displayName')} value={form.displayName} onChange={set('displayName')} error={errors.fields.displayName} required autoComplete="off" />
          <TextField id="group-email" type="email" label={t('users.email')} value={form.email} onChange={set('email')} error={errors.fields.email} required autoComplete="off" />
          <Field id="group-role" label={t('comm.members.role')} error={errors.fields.role}>
            <RoleSelect id="group-role" label={t('comm.members.role')} value={form.role} onChange={set('role')} />
          </Field>
        </div>
        <FormActions submitLabel={t('common.create')} onCancel={onClose} busy={busy} />
      </form>
    </Modal>
  );
}
