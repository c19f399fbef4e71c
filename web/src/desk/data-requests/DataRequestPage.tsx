import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useFormErrors } from '../../app/forms.tsx';
import { useFormat } from '../../app/format.ts';
import { useWrite } from '../../app/mutation.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../app/session.tsx';
import { isI2cStaff } from '../../../../server/desk/desk-view.ts';
import { DeskNav } from '../DeskNav.tsx';
import { StatusBadge } from './DataRequestsPage.tsx';
import { ScopeFields } from './ScopeFields.tsx';
import { dataRequestKeys, dataRequestsApi, type DataRequest, type DataRequestScope, type Decision } from './data-requests-api.ts';
import { RecordPending } from '../../app/RecordPending.tsx';

/** One request: its scope (requested and approved), the decision, and the extract's download link with its expiry. */
export function DataRequestPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const queryClient = useQueryClient();
  const request = useQuery({ queryKey: dataRequestKeys.one(id), queryFn: () => dataRequestsApi.get(id) });
  const settings = useQuery({ queryKey: dataRequestKeys.fields, queryFn: () => dataRequestsApi.fields() });
  const update = (r: DataRequest) => {
    queryClient.setQueryData(dataRequestKeys.one(id), r);
    void queryClient.invalidateQueries({ queryKey: [...dataRequestKeys.all, 'list'] });
  };
  const fulfil = useFormErrors();
  const fulfilling = useWrite(fulfil.capture);

  if (!request.data) return <RecordPending query={request} title={t('desk.dataRequests.title')} />;
  const r = request.data;
  const i2c = isI2cStaff(me.roles);

  return (
    <>
      <PageHeader title={`${r.reference} — ${r.orgName}`} />
      <DeskNav />
      <section className="panel">
        <dl className="details details-inline" data-testid="dr-facts">
          <dt>{t('desk.dataRequests.fields.status')}</dt>
          <dd>
            <StatusBadge status={r.status} />
          </dd>
          <dt>{t('desk.dataRequests.fields.organisation')}</dt>
          <dd dir="auto">
            {r.orgName} — {r.requesterName}
          </dd>
          <dt>{t('desk.dataRequests.fields.kind')}</dt>
          <dd>{t(r.recordLevel ? 'desk.dataRequests.recordLevel' : 'desk.dataRequests.aggregated')}</dd>
          <dt>{t('desk.dataRequests.fields.format')}</dt>
          <dd>{t(`desk.dataRequests.formats.${r.format}`)}</dd>
          <dt>{t('desk.dataRequests.fields.createdAt')}</dt>
          <dd>{format.dateTime(r.createdAt)}</dd>
        </dl>
        <h2>{t('desk.dataRequests.fields.purpose')}</h2>
        <p dir="auto" className="dr-purpose-text">
          {r.purpose}
        </p>
        {!r.recordLevel && settings.data && <p className="muted">{t('desk.dataRequests.suppressionRule', { k: settings.data.minCell })}</p>}
      </section>
      <section className="panel">
        <div className="dr-scopes">
          <ScopeView title={t('desk.dataRequests.requested')} scope={r.requested} testId="dr-requested" />
          {r.approved && <ScopeView title={t('desk.dataRequests.approvedScope')} scope={r.approved} testId="dr-approved" />}
        </div>
        {r.decidedAt && (
          <p data-testid="dr-decision">
            {t('desk.dataRequests.decidedBy', { name: r.decidedBy ?? '', date: format.dateTime(r.decidedAt) })}
            {r.decisionReason && (
              <>
                {' '}
                <q dir="auto">{r.decisionReason}</q>
              </>
            )}
          </p>
        )}
      </section>
      {r.download && (
        <section className="panel" data-testid="dr-download">
          <h2>{t('desk.dataRequests.extract')}</h2>
          {r.download.expired ? (
            <p className="alert alert-error" role="status">
              {t('desk.dataRequests.linkExpired', { date: format.dateTime(r.download.expiresAt) })}
            </p>
          ) : (
            <>
              <p>{t('desk.dataRequests.linkExpires', { date: format.dateTime(r.download.expiresAt) })}</p>
              <div className="button-row">
                <a className="button button-primary" href={r.download.path} download>
                  {t('desk.dataRequests.download', { format: t(`desk.dataRequests.formats.${r.format}`) })}
                </a>
                <a className="button" href={r.download.dictionaryPath} download>
                  {t('desk.dataRequests.dictionary')}
                </a>
              </div>
            </>
          )}
          <p className="muted">{t('desk.dataRequests.downloads', { count: r.downloads })}</p>
        </section>
      )}
      {i2c && r.status === 'submitted' && <DecisionForm request={r} onDone={update} />}
      {i2c && ['approved', 'narrowed', 'fulfilled', 'expired'].includes(r.status) && (
        <section className="panel">
          <ErrorSummary errors={fulfil.errors} />
          <button type="button" className="button button-primary" disabled={fulfilling.pending} onClick={() => void fulfilling.run(async () => update(await dataRequestsApi.fulfil(r.id)))}>
            {t(r.download ? 'desk.dataRequests.renew' : 'desk.dataRequests.fulfil')}
          </button>
        </section>
      )}
    </>
  );
}

function ScopeView({ title, scope, testId }: { title: string; scope: DataRequestScope; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const all = t('desk.dataRequests.all');
  return (
    <div data-testid={testId}>
      <h2>{title}</h2>
      <dl className="details">
        <dt>{t('desk.dataRequests.fields.period')}</dt>
        <dd>
          {format.date(scope.from)} – {format.date(scope.to)}
        </dd>
        <dt>{t('desk.dataRequests.fields.riskAreas')}</dt>
        <dd>{scope.riskAreas.length ? format.list(scope.riskAreas.map((c) => t(`desk.dataRequests.categories.${c}`))) : all}</dd>
        <dt>{t('desk.dataRequests.fields.regions')}</dt>
        <dd>{scope.regions.length ? format.list(scope.regions.map((c) => t(`alerts.regions.${c}`))) : all}</dd>
        <dt>{t('desk.dataRequests.fields.fields')}</dt>
        <dd data-testid={`${testId}-fields`}>{format.list(scope.fields.map((f) => t(`desk.dataRequests.extractFields.${f}`)))}</dd>
      </dl>
    </div>
  );
}

/** The I2C's decision: approve as asked, narrow (only within what was asked), or refuse; a reason for the requester. */
function DecisionForm({ request, onDone }: { request: DataRequest; onDone(r: DataRequest): void }) {
  const { t } = useTranslation();
  const { errors, capture, clear } = useFormErrors();
  const { pending, run } = useWrite(capture);
  const [decision, setDecision] = useState<Decision>('approve');
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<DataRequestScope>(request.requested);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    void run(async () => onDone(await dataRequestsApi.decide(request.id, { decision, reason, ...(decision === 'narrow' ? { scope } : {}) })));
  };
  return (
    <section className="panel">
      <h2>{t('desk.dataRequests.decide')}</h2>
      <form onSubmit={submit} noValidate className="stack" aria-label={t('desk.dataRequests.decide')}>
        <ErrorSummary errors={errors} knownFields={['reason', 'from', 'to', 'riskAreas', 'regions', 'fields']} />
        <fieldset className="dr-decisions">
          <legend>{t('desk.dataRequests.fields.decision')}</legend>
          {(['approve', 'narrow', 'refuse'] as const).map((d) => (
            <label key={d} className="checkbox">
              <input type="radio" name="dr-decision" value={d} checked={decision === d} onChange={() => setDecision(d)} /> {t(`desk.dataRequests.decisions.${d}`)}
            </label>
          ))}
        </fieldset>
        {decision === 'narrow' && <ScopeFields prefix="dr-narrow" scope={scope} onChange={setScope} aggregated={!request.recordLevel} within={request.requested} errors={errors.fields} />}
        <TextField id="dr-reason" multiline label={t('desk.dataRequests.fields.reason')} hint={t(decision === 'approve' ? 'desk.dataRequests.reasonOptional' : 'desk.dataRequests.reasonRequired')} value={reason} onChange={setReason} error={errors.fields.reason} maxLength={2000} required={decision !== 'approve'} dir="auto" />
        <div className="button-row button-row-end">
          <button type="submit" className={`button ${decision === 'refuse' ? 'button-danger' : 'button-primary'}`} disabled={pending}>
            {pending ? t('common.working') : t(`desk.dataRequests.decisions.${decision}`)}
          </button>
        </div>
      </form>
    </section>
  );
}
