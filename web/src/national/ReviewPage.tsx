import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextField, useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { KindBadge } from './KindBadge.tsx';
import { RETENTION_YEARS, nationalApi, nationalKeys, type EntitySummary } from './national-api.ts';
import { canWriteNominal } from './national-roles.ts';
import { NationalNav } from './NationalNav.tsx';
import { PurposeField } from './PurposeField.tsx';
import { usePurpose } from './purpose.ts';
import { ReasonDialog } from './ReasonDialog.tsx';

type Decision = { entity: EntitySummary; action: 'keep' | 'delete' };

/** Entities past their review date: each is kept (with the reason it is still needed) or deleted (with the reason). */
export function ReviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const purpose = usePurpose();
  const [before, setBefore] = useState('');
  const [decision, setDecision] = useState<Decision | null>(null);
  const review = useQuery({ queryKey: nationalKeys.review(before, purpose), queryFn: () => nationalApi.review(before || undefined, purpose), enabled: !!purpose });
  const rows = review.data?.entities ?? [];
  const editable = canWriteNominal(me.roles);

  const decide = async (d: Decision, reason: string) => {
    if (d.action === 'keep') await nationalApi.keep(d.entity.id, reason);
    else await nationalApi.remove(d.entity.id, reason);
    await queryClient.invalidateQueries({ queryKey: nationalKeys.all });
    toasts.show({ tone: 'success', title: t(d.action === 'keep' ? 'national.keep.done' : 'national.delete.done', { label: d.entity.label }) });
    setDecision(null);
  };

  return (
    <>
      <PageHeader title={t('national.review.title')} intro={t('national.review.intro', { years: RETENTION_YEARS })} />
      <NationalNav />
      <section className="panel stack">
        <PurposeField action="search" />
        <div className="form-grid form-grid-3">
          <TextField id="review-before" type="date" label={t('national.review.before')} hint={t('national.review.beforeHint')} value={before} onChange={setBefore} />
        </div>
      </section>
      <section className="panel stack">
        {review.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(review.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="review-list">
            <caption className="visually-hidden">{t('national.review.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('national.fields.label')}</th>
                <th scope="col">{t('national.fields.kind')}</th>
                <th scope="col">{t('national.fields.detail')}</th>
                <th scope="col">{t('national.fields.reviewAt')}</th>
                {editable && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-entity={e.id}>
                  <td>
                    <Link to="/national/entities/$id" params={{ id: e.id }} dir="auto">
                      {e.label}
                    </Link>
                  </td>
                  <td>
                    <KindBadge kind={e.kind} />
                  </td>
                  <td dir="auto">{e.detail ?? ''}</td>
                  <td className="nowrap">{format.date(e.reviewAt)}</td>
                  {editable && (
                    <td className="button-row">
                      <button type="button" className="button button-small" onClick={() => setDecision({ entity: e, action: 'keep' })} aria-label={t('national.keep.named', { label: e.label })}>
                        {t('national.keep.action')}
                      </button>
                      <button type="button" className="button button-small button-danger-outline" onClick={() => setDecision({ entity: e, action: 'delete' })} aria-label={t('national.delete.named', { label: e.label })}>
                        {t('national.delete.action')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
              {review.data && rows.length === 0 && (
                <tr>
                  <td colSpan={editable ? 5 : 4} className="empty">
                    {t('national.review.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      {decision && (
        <ReasonDialog
          title={t(decision.action === 'keep' ? 'national.keep.title' : 'national.delete.title', { label: decision.entity.label })}
          message={t(decision.action === 'keep' ? 'national.keep.message' : 'national.delete.message')}
          confirmLabel={t(decision.action === 'keep' ? 'national.keep.confirm' : 'national.delete.confirm')}
          danger={decision.action === 'delete'}
          onClose={() => setDecision(null)}
          onConfirm={(reason) => decide(decision, reason)}
        />
      )}
    </>
  );
}
