import { useTranslation } from 'react-i18next';
import { LevelBadge } from './LevelBadge.tsx';
import { LevelWhy } from './LevelWhy.tsx';
import { usePercent, useQuestionnaire, type ScoreResult } from './diagnostics-api.ts';

/** The score of the answers saved so far: overall level and why, and the level of each area. */
export function ScorePanel({ score }: { score: ScoreResult }) {
  const { t } = useTranslation();
  const pct = usePercent();
  const { questionnaire, levelName } = useQuestionnaire(score.version);
  return (
    <section className="panel diag-score" aria-live="polite" data-testid="diag-score">
      <h2>{t('desk.diagnostics.liveScore')}</h2>
      <p>
        <LevelBadge level={score.overall.level} name={levelName(score.overall.level)} testId="diag-overall-level" />{' '}
        <span data-testid="diag-overall-score">{pct(score.overall.score)}</span>{' '}
        <span className="muted">{t('desk.diagnostics.answeredOf', { answered: score.answered, applicable: score.applicable })}</span>
      </p>
      <p className="muted">{t('desk.diagnostics.liveScoreHint')}</p>
      <LevelWhy result={score.overall} version={score.version} />
      <details>
        <summary>{t('desk.diagnostics.byArea')}</summary>
        <table>
          <tbody>
            {questionnaire?.areas.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>
                  <LevelBadge level={score.areas[a.id].level} name={levelName(score.areas[a.id].level)} />
                </td>
                <td>{pct(score.areas[a.id].score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
