import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { ConfirmDialog } from '../app/Modal.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { useCountryName, useReferenceLabels, withCode } from './labels.ts';
import { PhotosPanel } from './PhotosPanel.tsx';
import { canReport, canReview } from './seizure-roles.ts';
import { SeizuresNav } from './SeizuresNav.tsx';
import { seizureKeys, seizuresApi, type HistoryEntry, type Seizure } from './seizures-api.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** One seizure: every field with its reference labels, photos, provenance, history and the actions of the user's role. */
export function DetailPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { id = '' } = useParams({ strict: false });
  const seizure = useQuery({ queryKey: seizureKeys.one(id), queryFn: () => seizuresApi.get(id), enabled: id !== '' });
  const s = seizure.data;
  return (
    <>
      <PageHeader title={s ? t('seizures.detail.title', { reference: s.reference }) : t('seizures.detail.titleLoading')} intro={s ? s.orgName : undefined} />
      <SeizuresNav />
      {seizure.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(seizure.error)}
        </div>
      )}
      {seizure.isPending && <p className="muted">{t('common.loading')}</p>}
      {s && <SeizureDetail seizure={s} />}
    </>
  );
}

function SeizureDetail({ seizure: s }: { seizure: Seizure }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const country = useCountryName();
  const methods = useReferenceLabels('detection-methods', s.detectionMethods);
  const concealments = useReferenceLabels('concealment-methods', s.concealmentMethods);
  const commodities = useReferenceLabels('commodities', s.commodities.map((c) => c.subcategory ?? c.category));
  const hs = useReferenceLabels('hs-codes', s.commodities.map((c) => c.hsCode));
  const locodes = useReferenceLabels('locodes', [s.placeLocode, ...s.route.map((l) => l.placeLocode)]);
  const airports = useReferenceLabels('airports', [s.placeIata, ...s.route.map((l) => l.placeIata)]);
  const owner = s.orgId === me.orgId;
  const place = (locode: string | null, iata: string | null, text: string | null) =>
    [locode ? withCode(locodes(locode), locode) : null, iata ? withCode(airports(iata), iata) : null, text].filter(Boolean).join(' · ');
  const opt = (prefix: string, v: string | null) => (v ? t(`${prefix}.${v}`, { defaultValue: v }) : t('seizures.common.notKnown'));

  return (
    <>
      <section className="panel stack" aria-labelledby="status-title">
        <div className="panel-header">
          <h2 className="section-title" id="status-title">
            {t('seizures.detail.status')} <StatusBadge status={s.status} />
          </h2>
          <Actions seizure={s} owner={owner} />
        </div>
        {s.status === 'returned' && s.returnComment && (
          <div className="alert alert-warning" role="note" data-testid="return-comment">
            <strong>{t('seizures.detail.returnedWith')}</strong>
            <p className="seizure-text" dir="auto">
              {s.returnComment}
            </p>
          </div>
        )}
        {canReview(me.roles) && s.status === 'submitted' && !owner && <ReviewForm seizure={s} />}
      </section>

      <section className="panel" aria-labelledby="what-title">
        <h2 className="section-title" id="what-title">
          {t('seizures.detail.whereWhen')}
        </h2>
        <dl className="details details-inline" data-testid="seizure-fields">
          <Row label={t('seizures.fields.reference')} value={s.reference} />
          <Row label={t('seizures.fields.seizedAt')} value={format.dateTime(s.seizedAt)} />
          <Row label={t('seizures.fields.country')} value={withCode(country(s.country), s.country)} />
          <Row label={t('seizures.fields.region')} value={s.region ?? ''} />
          <Row label={t('seizures.fields.rilo')} value={s.rilo ?? ''} />
          <Row label={t('seizures.fields.place')} value={place(s.placeLocode, s.placeIata, s.placeText)} />
          <Row label={t('seizures.fields.locationType')} value={opt('seizures.locationTypes', s.locationType)} />
          <Row label={t('seizures.fields.direction')} value={opt('seizures.directions', s.direction)} />
          <Row label={t('seizures.fields.transportMode')} value={opt('seizures.transportModes', s.transportMode)} />
          <Row label={t('seizures.fields.conveyanceType')} value={opt('seizures.conveyanceTypes', s.conveyanceType)} />
          <Row label={t('seizures.fields.detectionMethods')} value={format.list(s.detectionMethods.map(methods))} />
          <Row label={t('seizures.fields.concealmentMethods')} value={format.list(s.concealmentMethods.map(concealments))} />
          {s.concealmentDetail && <Row label={t('seizures.fields.concealmentDetail')} value={s.concealmentDetail} />}
        </dl>
      </section>

      <section className="panel" aria-labelledby="commodities-title">
        <h2 className="section-title" id="commodities-title">
          {t('seizures.form.commodities')}
        </h2>
        <div className="table-wrap">
          <table data-testid="seizure-commodities">
            <thead>
              <tr>
                <th scope="col">{t('seizures.fields.commodity')}</th>
                <th scope="col">{t('seizures.fields.quantity')}</th>
                <th scope="col">{t('seizures.fields.hsCode')}</th>
                <th scope="col">{t('seizures.fields.description')}</th>
                <th scope="col">{t('seizures.fields.value')}</th>
                <th scope="col">{t('seizures.fields.citesSpecies')}</th>
              </tr>
            </thead>
            <tbody>
              {s.commodities.map((c, i) => (
                <tr key={i}>
                  <td>{withCode(commodities(c.subcategory ?? c.category), c.subcategory ?? c.category)}</td>
                  <td className="nowrap">
                    {format.number(c.quantity)} {t(`seizures.units.${c.unit}`, { defaultValue: c.unit })}
                  </td>
                  <td>{c.hsCode ? withCode(hs(c.hsCode), c.hsCode) : ''}</td>
                  <td dir="auto">{c.description}</td>
                  <td className="nowrap">{c.value != null ? `${format.number(c.value)} ${c.currency ?? ''}` : ''}</td>
                  <td dir="auto">{c.citesSpecies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {s.route.length > 0 && (
        <section className="panel" aria-labelledby="route-title">
          <h2 className="section-title" id="route-title">
            {t('seizures.form.route')}
          </h2>
          <div className="table-wrap">
            <table data-testid="seizure-route">
              <thead>
                <tr>
                  <th scope="col">{t('seizures.fields.legRole')}</th>
                  <th scope="col">{t('seizures.fields.country')}</th>
                  <th scope="col">{t('seizures.fields.place')}</th>
                  <th scope="col">{t('seizures.fields.legDate')}</th>
                </tr>
              </thead>
              <tbody>
                {s.route.map((l, i) => (
                  <tr key={i}>
                    <td>{t(`seizures.legRoles.${l.role}`)}</td>
                    <td>{withCode(country(l.country), l.country)}</td>
                    <td>{place(l.placeLocode, l.placeIata, l.placeText)}</td>
                    <td className="nowrap">{format.date(l.date)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {s.offenders.length > 0 && (
        <section className="panel" aria-labelledby="offenders-title">
          <h2 className="section-title" id="offenders-title">
            {t('seizures.form.offenders')}
          </h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('seizures.fields.nationality')}</th>
                  <th scope="col">{t('seizures.fields.gender')}</th>
                  <th scope="col">{t('seizures.fields.ageBand')}</th>
                  <th scope="col">{t('seizures.fields.count')}</th>
                </tr>
              </thead>
              <tbody>
                {s.offenders.map((o, i) => (
                  <tr key={i}>
                    <td>{o.nationality ? withCode(country(o.nationality), o.nationality) : t('seizures.common.notKnown')}</td>
                    <td>{t(`seizures.genders.${o.gender}`, { defaultValue: o.gender })}</td>
                    <td>{t(`seizures.ageBands.${o.ageBand}`, { defaultValue: o.ageBand })}</td>
                    <td>{format.number(o.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {s.narrative && (
        <section className="panel" aria-labelledby="narrative-title">
          <h2 className="section-title" id="narrative-title">
            {t('seizures.fields.narrative')}
          </h2>
          <p className="seizure-text" dir="auto" data-testid="seizure-narrative">
            {s.narrative}
          </p>
        </section>
      )}

      <PhotosPanel seizure={s} editable={owner && canReport(me.roles) && s.status !== 'submitted'} />

      <section className="panel" aria-labelledby="provenance-title">
        <h2 className="section-title" id="provenance-title">
          {t('seizures.detail.provenance')}
        </h2>
        <dl className="details details-inline">
          <Row label={t('seizures.fields.organisation')} value={s.orgName} />
          <Row label={t('seizures.fields.provenance')} value={t(`seizures.provenances.${s.provenance}`, { defaultValue: s.provenance })} />
          {s.externalRef && <Row label={t('seizures.fields.externalRef')} value={s.externalRef} />}
          <Row label={t('seizures.fields.createdAt')} value={format.dateTime(s.createdAt)} />
          <Row label={t('seizures.fields.updatedAt')} value={format.dateTime(s.updatedAt)} />
          {s.submittedAt && <Row label={t('seizures.fields.submittedAt')} value={format.dateTime(s.submittedAt)} />}
          {s.validatedAt && <Row label={t('seizures.fields.validatedAt')} value={format.dateTime(s.validatedAt)} />}
          <Row label={t('seizures.fields.version')} value={format.number(s.version)} />
        </dl>
      </section>

      <History id={s.id} version={s.version} />
    </>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="details-row">
      <dt>{label}</dt>
      <dd dir="auto">{value || '—'}</dd>
    </div>
  );
}

/** Edit, submit and delete for the owning administration's NCPs. */
function Actions({ seizure: s, owner }: { seizure: Seizure; owner: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const toasts = useToasts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (!owner || !canReport(me.roles)) return null;
  const open = s.status === 'draft' || s.status === 'returned';

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      toasts.show({ tone: 'success', title: done });
      await queryClient.invalidateQueries({ queryKey: seizureKeys.all });
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="button-row">
      {s.status !== 'submitted' && (
        <Link to="/seizures/$id/edit" params={{ id: s.id }} className="button">
          {t('common.edit')}
        </Link>
      )}
      {open && (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void run(() => seizuresApi.submit(s.id), t('seizures.form.submitted', { reference: s.reference }))}>
          {t('seizures.form.submit')}
        </button>
      )}
      {open && (
        <button type="button" className="button button-danger-outline" disabled={busy} onClick={() => setDeleting(true)}>
          {t('seizures.detail.delete')}
        </button>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('seizures.detail.deleteTitle', { reference: s.reference })}
          message={t('seizures.detail.deleteConfirm')}
          confirmLabel={t('seizures.detail.delete')}
          danger
          busy={busy}
          onCancel={() => setDeleting(false)}
          onConfirm={() =>
            void run(async () => {
              await seizuresApi.remove(s.id);
              setDeleting(false);
              await navigate({ to: '/seizures' });
            }, t('seizures.detail.deleted', { reference: s.reference }))
          }
        />
      )}
    </div>
  );
}

/** The RILO's decision: validate (comment optional) or return to the administration (comment required). */
function ReviewForm({ seizure: s }: { seizure: Seizure }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear, setErrors } = useFormErrors();

  const decide = async (decision: 'validate' | 'return') => {
    clear();
    if (decision === 'return' && !comment.trim()) {
      setErrors({ detail: t('seizures.review.commentRequired'), fields: { comment: t('seizures.review.commentRequired') } });
      document.getElementById('review-comment')?.focus();
      return;
    }
    setBusy(true);
    try {
      const after = decision === 'validate' ? await seizuresApi.validate(s.id, comment.trim() || undefined) : await seizuresApi.returnTo(s.id, comment.trim());
      queryClient.setQueryData(seizureKeys.one(s.id), after);
      await queryClient.invalidateQueries({ queryKey: seizureKeys.all });
      toasts.show({ tone: 'success', title: decision === 'validate' ? t('seizures.review.validated', { reference: s.reference }) : t('seizures.review.returned', { reference: s.reference }) });
    } catch (error) {
      capture(error);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void decide('validate');
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="review-title" data-testid="review-form">
      <h3 className="section-title" id="review-title">
        {t('seizures.review.title')}
      </h3>
      <ErrorSummary errors={errors} knownFields={['comment']} />
      <TextField id="review-comment" label={t('seizures.review.comment')} hint={t('seizures.review.commentHint')} value={comment} onChange={setComment} error={errors.fields.comment} multiline maxLength={2000} dir="auto" />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('seizures.review.validate')}
        </button>
        <button type="button" className="button button-danger-outline" disabled={busy} onClick={() => void decide('return')}>
          {t('seizures.review.return')}
        </button>
      </div>
    </form>
  );
}

function History({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery({ queryKey: [...seizureKeys.history(id), version], queryFn: () => seizuresApi.history(id) });
  const items: HistoryEntry[] = history.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 className="section-title" id="history-title">
        {t('seizures.detail.history')}
      </h2>
      {history.isPending && <p className="muted">{t('common.loading')}</p>}
      <ol className="history-list" data-testid="seizure-history">
        {items.map((h) => (
          <li key={h.id} data-action={h.action}>
            <strong>{t(`seizures.actions.${h.action}`, { defaultValue: h.action })}</strong> <span className="muted">{format.dateTime(h.at)}</span>
            {h.userName && (
              <span className="muted" dir="auto">
                {' · '}
                {h.userName}
              </span>
            )}
            {Object.keys(h.changes).length > 0 && (
              <p className="small">
                {t('seizures.detail.changed', { fields: format.list(Object.keys(h.changes).map((f) => t(`seizures.fields.${f}`, { defaultValue: f }))) })}
              </p>
            )}
            {h.comment && (
              <p className="seizure-text" dir="auto">
                {h.comment}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
