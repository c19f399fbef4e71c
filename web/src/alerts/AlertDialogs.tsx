import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useFormErrors } from '../app/forms.tsx';
import { Modal } from '../app/Modal.tsx';
import { useWrite } from '../app/mutation.ts';
import { useMe } from '../app/session.tsx';
import { SeizurePicker } from '../national/SeizurePicker.tsx';
import type { Summary } from '../seizures/seizures-api.ts';
import { SelectField } from '../seizures/Select.tsx';
import { OrgPicker } from './OrgPicker.tsx';
import { FEEDBACK, WCO_REGIONS, alertKeys, alertsApi, canKeepLists, type Alert, type Feedback, type Targets } from './alerts-api.ts';

interface Done {
  onDone(alert: Alert): void;
  onClose(): void;
}

function Buttons({ label, pending, onClose, danger }: { label: string; pending: boolean; onClose(): void; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="button-row button-row-end">
      <button type="button" className="button" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={pending}>
        {pending ? t('common.working') : label}
      </button>
    </div>
  );
}

/** An action that needs a comment: return to the author, withdraw. */
export function CommentDialog({ title, message, label, danger, run, onDone, onClose }: Done & { title: string; message: string; label: string; danger?: boolean; run(comment: string): Promise<Alert> }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const { errors, capture, clear, setErrors } = useFormErrors();
  const write = useWrite(capture);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!comment.trim()) {
      setErrors({ detail: null, fields: { comment: t('errors.field.required') } });
      return;
    }
    await write.run(async () => onDone(await run(comment.trim())));
  };
  return (
    <Modal title={title} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <p>{message}</p>
        <ErrorSummary errors={errors} knownFields={['comment']} />
        <TextField id="alert-comment" label={t('alerts.actions.comment')} value={comment} onChange={setComment} error={errors.fields.comment} multiline maxLength={2000} dir="auto" required />
        <Buttons label={label} pending={write.pending} onClose={onClose} danger={danger} />
      </form>
    </Modal>
  );
}

/** Where the alert goes: WCO regions, administrations, distribution lists, and GRAN (every member). */
export function CirculateDialog({ alert, onDone, onClose }: Done & { alert: Alert }) {
  const { t } = useTranslation();
  const me = useMe();
  const [targets, setTargets] = useState<Targets>({ regions: [], orgIds: [], listIds: [], global: false });
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const lists = useQuery({ queryKey: alertKeys.lists, queryFn: alertsApi.lists, enabled: canKeepLists(me.roles) });
  const restricted = alert.handling === 'H3';
  const toggle = (key: 'regions' | 'listIds', value: string, on: boolean) => setTargets((x) => ({ ...x, [key]: on ? [...x[key], value] : x[key].filter((v) => v !== value) }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    await write.run(async () => onDone(await alertsApi.circulate(alert.id, targets)));
  };
  const err = (f: string) => Object.entries(errors.fields).filter(([k]) => k === f || k === `targets.${f}` || k.startsWith(`targets.${f}.`) || k.startsWith(`${f}.`)).map(([, v]) => v).join('; ') || undefined;
  return (
    <Modal title={t('alerts.circulate.title', { reference: alert.reference })} onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate data-testid="circulate-dialog">
        <p>{t('alerts.circulate.intro')}</p>
        {restricted && <div className="alert alert-warning">{t('alerts.circulate.h3')}</div>}
        <ErrorSummary errors={errors} knownFields={Object.keys(errors.fields)} />
        <fieldset className="checkbox-group">
          <legend>{t('alerts.circulate.regions')}</legend>
          <div className="checkbox-grid">
            {WCO_REGIONS.map((r) => (
              <label key={r} className="checkbox">
                <input type="checkbox" checked={targets.regions.includes(r)} disabled={restricted} onChange={(e) => toggle('regions', r, e.target.checked)} />
                <span>{t(`alerts.regions.${r}`)}</span>
              </label>
            ))}
          </div>
          {err('regions') && <p className="field-error">{err('regions')}</p>}
        </fieldset>
        <OrgPicker id="circulate-orgs" legend={t('alerts.circulate.orgs')} value={targets.orgIds} onChange={(orgIds) => setTargets((x) => ({ ...x, orgIds }))} error={err('orgIds')} />
        {(lists.data?.lists.length ?? 0) > 0 && (
          <fieldset className="checkbox-group">
            <legend>{t('alerts.circulate.lists')}</legend>
            <div className="checkbox-grid">
              {lists.data?.lists.map((l) => (
                <label key={l.id} className="checkbox">
                  <input type="checkbox" checked={targets.listIds.includes(l.id)} onChange={(e) => toggle('listIds', l.id, e.target.checked)} />
                  <span dir="auto">{t('alerts.lists.named', { name: l.name, n: l.orgCount })}</span>
                </label>
              ))}
            </div>
            {err('listIds') && <p className="field-error">{err('listIds')}</p>}
          </fieldset>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={targets.global} disabled={restricted} onChange={(e) => setTargets((x) => ({ ...x, global: e.target.checked }))} />
          <span>{t('alerts.circulate.global')}</span>
        </label>
        {err('global') && <p className="field-error">{err('global')}</p>}
        <Buttons label={t('alerts.actions.circulate')} pending={write.pending} onClose={onClose} />
      </form>
    </Modal>
  );
}

/** The I2C approves or declines global (GRAN) circulation. */
export function GlobalDecisionDialog({ alert, approve, onDone, onClose }: Done & { alert: Alert; approve: boolean }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    await write.run(async () => onDone(await alertsApi.decideGlobal(alert.id, approve, comment.trim() || null)));
  };
  return (
    <Modal title={t(approve ? 'alerts.global.approveTitle' : 'alerts.global.declineTitle', { reference: alert.reference })} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        <TextField id="alert-global-comment" label={t('alerts.actions.comment')} value={comment} onChange={setComment} multiline maxLength={2000} dir="auto" />
        <Buttons label={t(approve ? 'alerts.actions.approveGlobal' : 'alerts.actions.declineGlobal')} pending={write.pending} onClose={onClose} danger={!approve} />
      </form>
    </Modal>
  );
}

/** Passes the alert on to other administrations, as far as its handling code allows. */
export function ForwardDialog({ alert, onDone, onClose }: Done & { alert: Alert }) {
  const { t } = useTranslation();
  const [orgIds, setOrgIds] = useState<string[]>([]);
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    await write.run(async () => onDone(await alertsApi.forward(alert.id, orgIds)));
  };
  return (
    <Modal title={t('alerts.forward.title', { reference: alert.reference })} onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate>
        <p>{t(`alerts.forward.rule.${alert.handling}`)}</p>
        <ErrorSummary errors={errors} knownFields={['orgIds']} />
        <OrgPicker id="forward-orgs" legend={t('alerts.circulate.orgs')} value={orgIds} onChange={setOrgIds} error={errors.fields.orgIds} />
        <Buttons label={t('alerts.actions.forward')} pending={write.pending} onClose={onClose} />
      </form>
    </Modal>
  );
}

/** Acknowledges the alert for the administration, with feedback if any (a seizure for "led to a seizure"). */
export function AcknowledgeDialog({ alert, onDone, onClose }: Done & { alert: Alert }) {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<string>(alert.myAck?.feedback ?? '');
  const [seizure, setSeizure] = useState<Summary | null>(null);
  const [comment, setComment] = useState(alert.myAck?.feedbackComment ?? '');
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const body = { feedback: (feedback || null) as Feedback | null, seizureId: feedback === 'led_to_seizure' ? (seizure?.id ?? null) : null, comment: comment.trim() || null };
    await write.run(async () => onDone(await alertsApi.acknowledge(alert.id, body)));
  };
  return (
    <Modal title={t('alerts.ack.title', { reference: alert.reference })} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate data-testid="ack-dialog">
        <p>{t('alerts.ack.intro')}</p>
        <ErrorSummary errors={errors} knownFields={['feedback', 'seizureId', 'comment']} />
        <SelectField id="alert-ack-feedback" label={t('alerts.ack.feedback')} value={feedback} onChange={setFeedback} options={FEEDBACK} labelPrefix="alerts.feedback" emptyLabel={t('alerts.ack.noFeedback')} error={errors.fields.feedback} />
        {feedback === 'led_to_seizure' && <SeizurePicker id="alert-ack-seizure" value={seizure} onChange={setSeizure} error={errors.fields.seizureId} />}
        <TextField id="alert-ack-comment" label={t('alerts.actions.comment')} value={comment} onChange={setComment} error={errors.fields.comment} multiline maxLength={2000} dir="auto" />
        <Buttons label={t('alerts.actions.acknowledge')} pending={write.pending} onClose={onClose} />
      </form>
    </Modal>
  );
}
