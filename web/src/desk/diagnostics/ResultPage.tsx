import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, useErrorMessage, useFormErrors } from '../../app/forms.tsx';
import { useFormat } from '../../app/format.ts';
import { useWrite } from '../../app/mutation.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { DeskNav } from '../DeskNav.tsx';
import { ActionPlan } from './ActionPlan.tsx';
import { AreasRadar } from './AreasRadar.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { LevelWhy } from './LevelWhy.tsx';
import { AREAS, diagnosticKeys, diagnosticsApi, reportPdfHref, usePercent, useQuestionnaire, type ResultView } from './diagnostics-api.ts';

/** The result of an assessment: its levels and why, the areas on a radar, the previous assessment beside it, and the action plan. */
export function ResultPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const format = useFormat();
  const pct = usePercent();
  const errorMessage = useErrorMessage();
  const result = useQuery({ queryKey: diagnosticKeys.result(id, lang), queryFn: () => diagnosticsApi.result(id, lang) });
  const r = result.data;
  const { levelName, areaName } = useQuestionnaire(r?.assessment.version);

  if (result.isError)
    return (
      <>
        <PageHeader title={t('desk.diagnostics.title')} />
        <div className="alert alert-error" role="alert">
          {errorMessage(result.error)}
        </div>
      </>
    );
  if (!r) return <p className="muted">{t('common.loading')}</p>;
  const a = r.assessment;
  const overall = r.score.overall;
  const selfRating = r.score.selfRating;

  return (
    <>
      <PageHeader
        title={a.title}
        intro={a.completedAt ? t('desk.diagnostics.completedOn', { org: a.orgName, date: format.date(a.completedAt) }) : t('desk.diagnostics.draftResult', { org: a.orgName })}
        actions={
          <a className="button" href={reportPdfHref(id, lang)} download data-testid="diag-pdf">
            {t('desk.diagnostics.pdf')}
          </a>
        }
      />
      <DeskNav />
      {a.status === 'draft' && (
        <p className="alert alert-error" role="status">
          {t('desk.diagnostics.draftWarning')}{' '}
          <Link to="/desk/diagnostics/$id" params={{ id }}>
            {t('desk.diagnostics.continue')}
          </Link>
        </p>
      )}
      <section className="panel" data-testid="diag-result-overall">
        <h2>{t('desk.diagnostics.overall')}</h2>
        <p className="diag-overall">
          <LevelBadge level={overall.level} name={levelName(overall.level)} testId="diag-overall-level" /> <span>{pct(overall.score)}</span>
        </p>
        {selfRating && <p>{t('desk.diagnostics.selfRated', { level: levelName(selfRating) })}</p>}
        {r.previous && (
          <p data-testid="diag-previous">
            {t('desk.diagnostics.comparedWith', {
              date: format.date(r.previous.assessment.completedAt),
              before: levelName(r.previous.score.overall.level),
              beforeScore: pct(r.previous.score.overall.score),
              now: levelName(overall.level),
              nowScore: pct(overall.score),
            })}{' '}
            <Link to="/desk/diagnostics/$id/result" params={{ id: r.previous.assessment.id }}>
              {t('desk.diagnostics.openPrevious')}
            </Link>
          </p>
        )}
        <LevelWhy result={overall} version={a.version} testId="diag-why" />
      </section>
      <section className="panel">
        <h2>{t('desk.diagnostics.byArea')}</h2>
        <AreasRadar result={r} />
        <details>
          <summary>{t('desk.diagnostics.whyAreas')}</summary>
          {AREAS.map((area) => (
            <LevelWhy key={area} result={r.score.areas[area]} version={a.version} scopeName={areaName(area)} />
          ))}
        </details>
      </section>
      <ActionPlan result={r} />
      {r.canEdit && a.status === 'completed' && <ConsentPanel result={r} />}
    </>
  );
}

/** Consent to show this administration's levels to the WCO and RILOs; withdrawing it takes it off the regional picture. */
function ConsentPanel({ result }: { result: ResultView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const saving = useWrite(form.capture);
  const id = result.assessment.id;
  // Shown at once as chosen, and put back if the server refuses it.
  const [shared, setShared] = useState(result.assessment.shareWithWco);
  const toggle = (share: boolean) => {
    form.clear();
    setShared(share);
    void saving.run(async () => {
      const view = await diagnosticsApi.settings(id, { shareWithWco: share }, i18n.language);
      queryClient.setQueryData<ResultView>(diagnosticKeys.result(id, i18n.language), (r) => r && { ...r, assessment: { ...r.assessment, shareWithWco: view.shareWithWco } });
      await queryClient.invalidateQueries({ queryKey: diagnosticKeys.list });
    }).then((ok) => ok || setShared(!share));
  };
  return (
    <section className="panel">
      <h2>{t('desk.diagnostics.consent')}</h2>
      <ErrorSummary errors={form.errors} />
      <label className="diag-share">
        <input type="checkbox" checked={shared} disabled={saving.pending} onChange={(e) => toggle(e.target.checked)} /> {t('desk.diagnostics.shareWithWco')}
      </label>
      <p className="muted">{t('desk.diagnostics.consentHint')}</p>
    </section>
  );
}
