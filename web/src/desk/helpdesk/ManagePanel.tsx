import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useFormErrors } from '../../app/forms.tsx';
import { useWrite } from '../../app/mutation.ts';
import { useMe } from '../../app/session.tsx';
import { useToasts } from '../../app/toasts.tsx';
import { SelectField } from '../../seizures/Select.tsx';
import { I2C_MOVES, PRIORITIES, helpdeskApi, helpdeskKeys, type Priority, type RequestDetail, type RequestStatus } from './helpdesk-api.ts';

/** The I2C's controls of a request: move its status (with a message to the member), assign it, set its priority, run its search. */
export function ManagePanel({ request: r, onChanged }: { request: RequestDetail; onChanged(r: RequestDetail): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const toasts = useToasts();
  const staff = useQuery({ queryKey: helpdeskKeys.staff, queryFn: helpdeskApi.staff });
  const moves = I2C_MOVES[r.status];
  const [status, setStatus] = useState<string>(moves[0] ?? '');
  const [note, setNote] = useState('');
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const run = (step: () => Promise<RequestDetail>, done: string) =>
    write.run(async () => {
      clear();
      onChanged(await step());
      toasts.show({ tone: 'success', title: done });
    });
  const move = (e: FormEvent) => {
    e.preventDefault();
    void run(() => helpdeskApi.setStatus(r.id, status as RequestStatus, note), t('desk.helpdesk.moved')).then((ok) => ok && setNote(''));
  };
  const officers = staff.data?.officers ?? [];

  return (
    <section className="panel" aria-label={t('desk.helpdesk.manage')}>
      <h2>{t('desk.helpdesk.manage')}</h2>
      <ErrorSummary errors={errors} knownFields={['status', 'note']} />
      <div className="form-grid form-grid-3">
        <label className="field">
          <span>{t('desk.helpdesk.fields.assignee')}</span>
          <select
            id="hd-assignee-set"
            value={r.assigneeId ?? ''}
            onChange={(e) => {
              // Read the choice now: the controlled select goes back to the stored value before the request is sent.
              const assigneeId = e.target.value || null;
              void run(() => helpdeskApi.manage(r.id, { assigneeId }), t('desk.helpdesk.assignedToast'));
            }}
            disabled={write.pending}
          >
            <option value="">{t('desk.helpdesk.unassigned')}</option>
            {officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.id === me.id ? t('desk.helpdesk.meNamed', { name: o.name }) : o.name}
              </option>
            ))}
          </select>
        </label>
        <SelectField
          id="hd-priority-set"
          label={t('desk.helpdesk.fields.priority')}
          value={r.priority}
          onChange={(v) => void run(() => helpdeskApi.manage(r.id, { priority: v as Priority }), t('desk.helpdesk.priorityToast'))}
          options={PRIORITIES}
          labelPrefix="desk.helpdesk.priorities"
          required
        />
        {r.can.runSearch && (
          <div className="field">
            <span>{t('desk.helpdesk.onBehalf')}</span>
            <button type="button" className="button" disabled={write.pending} onClick={() => void run(() => helpdeskApi.runSearch(r.id), t('desk.helpdesk.searchRun'))}>
              {t('desk.helpdesk.runSearch')}
            </button>
          </div>
        )}
      </div>
      {moves.length > 0 && (
        <form className="stack" onSubmit={move} noValidate>
          <div className="form-grid form-grid-2">
            <SelectField id="hd-status-set" label={t('desk.helpdesk.moveTo')} value={status} onChange={setStatus} options={moves} labelPrefix="desk.helpdesk.statuses" required error={errors.fields.status} />
            <TextField id="hd-status-note" label={t('desk.helpdesk.moveNote')} value={note} onChange={setNote} multiline maxLength={2000} dir="auto" error={errors.fields.note} />
          </div>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={write.pending}>
              {t('desk.helpdesk.move')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
