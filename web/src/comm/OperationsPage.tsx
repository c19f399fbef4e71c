import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FormActions, Field, TextField, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { Modal } from '../app/Modal.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { canOrganise, commApi, commKeys, OPERATION_STATUSES, type OperationInput } from './comm-api.ts';
import { StatusBadge } from './labels.tsx';
import './comm.css';
import { useWrite } from '../app/mutation.ts';

/** The operations I am a member of, with my role and what is unread; counts follow new messages live. */
export function OperationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const ops = useQuery({ queryKey: commKeys.operations, queryFn: commApi.operations });
  const items = ops.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('comm.operations.title')}
        intro={t('comm.operations.intro')}
        actions={
          canOrganise(me.roles) && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t('comm.operations.new')}
            </button>
          )
        }
      />
      <section className="panel">
        {ops.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(ops.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="operations">
            <thead>
              <tr>
                <th scope="col">{t('comm.operation.name')}</th>
                <th scope="col">{t('comm.operation.status')}</th>
                <th scope="col">{t('comm.operation.period')}</th>
                <th scope="col">{t('comm.operation.myRole')}</th>
                <th scope="col" className="numeric">{t('comm.operation.members')}</th>
                <th scope="col" className="numeric">{t('comm.operation.unread')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((op) => (
                <tr key={op.id} data-operation={op.code}>
                  <td>
                    <Link to="/operations/$opId" params={{ opId: op.id }}>
                      <bdi>{op.name}</bdi>
                    </Link>{' '}
                    <span className="muted mono">{op.code}</span>
                  </td>
                  <td>
                    <StatusBadge status={op.status} />
                  </td>
                  <td className="nowrap">{period(format.date, op.startsOn, op.endsOn)}</td>
                  <td>{t(`comm.roles.${op.myRole}`)}</td>
                  <td className="numeric">{format.number(op.memberCount)}</td>
                  <td className="numeric" data-testid="operation-unread">
                    {op.unread > 0 ? (
                      <Link to="/operations/$opId/mailbox" params={{ opId: op.id }} search={{}} className="unread-count">
                        {format.number(op.unread)}
                      </Link>
                    ) : (
                      format.number(0)
                    )}
                  </td>
                </tr>
              ))}
              {items.length === 0 && !ops.isPending && (
                <tr>
                  <td colSpan={6} className="empty">
                    {t('comm.operations.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      {creating && <NewOperationForm onClose={() => setCreating(false)} onCreated={(id) => void navigate({ to: '/operations/$opId', params: { opId: id } })} />}
    </>
  );
}

export function period(date: (iso: string | null) => string, from: string | null, to: string | null): string {
  if (!from && !to) return '—';
  return `${from ? date(from) : '…'} – ${to ? date(to) : '…'}`;
}

const FIELDS = ['code', 'name', 'description', 'startsOn', 'endsOn', 'status'];

function NewOperationForm({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<OperationInput>({ code: '', name: '', description: '', startsOn: null, endsOn: null, status: 'planned' });
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const set = <K extends keyof OperationInput>(key: K) => (value: OperationInput[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    await write.run(async () => {
      const created = await commApi.createOperation({ ...form, startsOn: form.startsOn || null, endsOn: form.endsOn || null });
      await queryClient.invalidateQueries({ queryKey: commKeys.operations });
      onCreated(created.id);
    });
  };

  return (
    <Modal title={t('comm.operations.new')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate className="stack">
        <ErrorSummary errors={errors} knownFields={FIELDS} />
        <div className="form-grid">
          <TextField id="op-code" label={t('comm.operation.code')} value={form.code} onChange={set('code')} error={errors.fields.code} hint={t('comm.operation.codeHint')} required dir="ltr" maxLength={10} autoFocus />
          <TextField id="op-name" label={t('comm.operation.name')} value={form.name} onChange={set('name')} error={errors.fields.name} required maxLength={200} />
          <TextField id="op-starts" type="date" label={t('comm.operation.startsOn')} value={form.startsOn ?? ''} onChange={set('startsOn')} error={errors.fields.startsOn} />
          <TextField id="op-ends" type="date" label={t('comm.operation.endsOn')} value={form.endsOn ?? ''} onChange={set('endsOn')} error={errors.fields.endsOn} />
          <Field id="op-status" label={t('comm.operation.status')} error={errors.fields.status}>
            <select id="op-status" value={form.status} onChange={(e) => set('status')(e.target.value as OperationInput['status'])}>
              {OPERATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`comm.statuses.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <TextField id="op-description" label={t('comm.operation.description')} value={form.description} onChange={set('description')} error={errors.fields.description} multiline maxLength={5000} />
        <FormActions submitLabel={t('common.create')} onCancel={onClose} busy={write.pending} />
      </form>
    </Modal>
  );
}
