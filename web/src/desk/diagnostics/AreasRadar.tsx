import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { useTranslation } from 'react-i18next';
import { ChartView, PALETTE } from '../../seizures/ChartView.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import { LEVELS, usePercent, useQuestionnaire, type Level, type ResultView } from './diagnostics-api.ts';

const rank = (level: Level | null) => (level ? LEVELS.indexOf(level) : -1);
/** The radar's scale is in percent; an area not assessed has no point. */
const toPercent = (s: number | null) => (s == null ? null : Math.round(s * 100));

/** The areas' scores on a radar, this assessment against the previous one, with the same figures as a table beside it. */
export function AreasRadar({ result }: { result: ResultView }) {
  const { t } = useTranslation();
  const pct = usePercent();
  const { questionnaire, levelName } = useQuestionnaire(result.assessment.version);
  const areas = useMemo(() => questionnaire?.areas ?? [], [questionnaire]);
  const previous = result.previous;
  const thisLabel = t('desk.diagnostics.thisAssessment');
  const previousLabel = t('desk.diagnostics.previousAssessment');
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'radar',
      data: {
        labels: areas.map((a) => a.name),
        datasets: [
          { label: thisLabel, data: areas.map((a) => toPercent(result.score.areas[a.id].score)), borderColor: PALETTE[0], backgroundColor: 'rgba(31, 111, 178, 0.2)' },
          ...(previous ? [{ label: previousLabel, data: areas.map((a) => toPercent(previous.score.areas[a.id].score)), borderColor: PALETTE[1], backgroundColor: 'rgba(180, 35, 24, 0.1)' }] : []),
        ],
      },
      options: { scales: { r: { min: 0, max: 100, ticks: { stepSize: 20 } } } },
    }),
    [areas, result, previous, thisLabel, previousLabel],
  );
  if (!questionnaire) return null;
  return (
    <div className="diag-radar">
      <ChartView config={config} label={t('desk.diagnostics.radarLabel')} height={380} testId="diag-radar" />
      <div className="table-wrap">
        <table data-testid="diag-areas">
          <caption>{t('desk.diagnostics.byArea')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('desk.diagnostics.fields.area')}</th>
              <th scope="col">{t('desk.diagnostics.fields.level')}</th>
              <th scope="col">{t('desk.diagnostics.fields.score')}</th>
              {previous && <th scope="col">{t('desk.diagnostics.fields.previous')}</th>}
              {previous && <th scope="col">{t('desk.diagnostics.fields.change')}</th>}
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => {
              const now = result.score.areas[a.id];
              const before = previous?.score.areas[a.id];
              const change = before ? Math.sign(rank(now.level) - rank(before.level)) : 0;
              return (
                <tr key={a.id} data-area={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>
                    <LevelBadge level={now.level} name={levelName(now.level)} />
                  </td>
                  <td>{pct(now.score)}</td>
                  {before && (
                    <td>
                      {levelName(before.level) || t('desk.diagnostics.notAssessed')} {pct(before.score)}
                    </td>
                  )}
                  {before && <td>{t(change > 0 ? 'desk.diagnostics.up' : change < 0 ? 'desk.diagnostics.down' : 'desk.diagnostics.same')}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
