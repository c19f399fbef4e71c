import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { Pager } from '../app/Pager.tsx';
import { adminApi, adminKeys, type AuditEntry, type AuditFilter, type ChainVerification } from './admin-api.ts';

const PAGE_SIZE = 25;

interface FilterForm {
  actor: string;
  action: string;
  targetType: string;
  from: string;
  to: string;
}

const EMPTY: FilterForm = { actor: '', action: '', targetType: '', from: '', to: '' };

/** Date inputs give calendar days; the API wants instants covering the whole of each day. */
function toFilter(form: FilterForm, page: number): AuditFilter {
  return {
    actor: form.actor.trim(),
    action: form.action.trim(),
    targetType: form.targetType.trim(),
    from: form.from ? new Date(`${form.from}T00:00:00`).toISOString() : '',
    to: form.to ? new Date(`${form.to}T23:59:59.999`).toISOString() : '',
    page,
    pageSize: PAGE_SIZE,
  };
}

/** The entry's detail as `key: value` pairs; nested values stay as compact JSON. */
function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '';
  if (typeof detail !== 'object' || Array.isArray(detail)) return typeof detail === 'string' ? detail : JSON.stringify(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<FilterForm>(EMPTY);
  const [applied, setApplied] = useState<FilterForm>(EMPTY);
  const [page, setPage] = useState(1);
  const filter = toFilter(applied, page);
  const audit = useQuery({ queryKey: adminKeys.audit(filter), queryFn: () => adminApi.audit(filter), placeholderData: keepPreviousData });

  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<ChainVerification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
    setPage(1);
  };
  const clearFilters = () => {
    setDraft(EMPTY);
    setApplied(EMPTY);
    setPage(1);
  };

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    setVerification(null);
    try {
      setVerification(await adminApi.verifyAudit());
    } catch (error) {
      setVerifyError(errorMessage(error));
    } finally {
      setVerifying(false);
    }
  };

  const set = (key: keyof FilterForm) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const items: AuditEntry[] = audit.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        actions={
          <button type="button" className="button" onClick={() => void verify()} disabled={verifying}>
            {verifying ? t('common.working') : t('audit.verify')}
          </button>
        }
      />
      {verification && (
        <div className={`alert ${verification.ok ? 'alert-success' : 'alert-error'}`} role="status" data-testid="audit-verification">
          {verification.ok
            ? t('audit.chainOk', { count: format.number(verification.checked) })
            : t('audit.chainBroken', { count: format.number(verification.checked), id: verification.firstBrokenId ?? '' })}
        </div>
      )}
      {verifyError && (
        <div className="alert alert-error" role="alert">
          {verifyError}
        </div>
      )}
      <section className="panel">
        <form className="filters" role="search" onSubmit={apply}>
          <div className="field">
            <label htmlFor="audit-actor">{t('audit.actor')}</label>
            <input id="audit-actor" value={draft.actor} onChange={set('actor')} dir="ltr" />
          </div>
          <div className="field">
            <label htmlFor="audit-action">{t('audit.action')}</label>
            <input id="audit-action" value={draft.action} onChange={set('action')} dir="ltr" placeholder={t('audit.actionHint')} />
          </div>
          <div className="field">
            <label htmlFor="audit-targetType">{t('audit.targetType')}</label>
            <input id="audit-targetType" value={draft.targetType} onChange={set('targetType')} dir="ltr" />
          </div>
          <div className="field">
            <label htmlFor="audit-from">{t('audit.from')}</label>
            <input id="audit-from" type="date" value={draft.from} onChange={set('from')} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t('audit.to')}</label>
            <input id="audit-to" type="date" value={draft.to} onChange={set('to')} />
          </div>
          <div className="button-row filters-buttons">
            <button type="submit" className="button button-primary">
              {t('common.apply')}
            </button>
            <button type="button" className="button" onClick={clearFilters}>
              {t('common.clear')}
            </button>
          </div>
        </form>
        {audit.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(audit.error)}
          </div>
        )}
        <div className="table-wrap">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.detail')}</th>
                <th scope="col">{t('audit.origin')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{format.dateTime(entry.at)}</td>
                  <td dir="ltr" className="mono">{entry.actorUsername ?? <span className="muted">{t('audit.system')}</span>}</td>
                  <td dir="ltr"><code>{entry.action}</code></td>
                  <td dir="ltr" className="small">
                    {entry.targetType}
                    {entry.targetId && <span className="muted block mono">{entry.targetId}</span>}
                  </td>
                  <td dir="ltr" className="small audit-detail">{describeDetail(entry.detail)}</td>
                  <td dir="ltr" className="small muted">
                    {entry.ip}
                    {entry.requestId && <span className="block mono" title={t('audit.requestId')}>{entry.requestId}</span>}
                  </td>
                </tr>
              ))}
              {items.length === 0 && !audit.isPending && (
                <tr>
                  <td colSpan={6} className="empty">{t('common.nothingFound')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <Pager page={page} pageSize={PAGE_SIZE} total={audit.data?.total ?? 0} onPage={setPage} />
      </section>
    </>
  );
}
