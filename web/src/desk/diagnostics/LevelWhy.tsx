import { useTranslation } from 'react-i18next';
import { ContributionsTable } from './ContributionsTable.tsx';
import { usePercent, useQuestionnaire, type GateView, type LevelResult } from './diagnostics-api.ts';

interface Props {
  result: LevelResult;
  version: string;
  /** Where the level applies: overall or an area's name. */
  scopeName?: string;
  testId?: string;
}

/** "Why am I at this level": the score against the thresholds, the required answers that cap it, and the way up. */
export function LevelWhy({ result, version, scopeName, testId }: Props) {
  const { t } = useTranslation();
  const pct = usePercent();
  const { questionnaire, levelName } = useQuestionnaire(version);
  const gate = useGateText();
  if (!questionnaire) return null;
  if (!result.level || !result.band) return <p className="muted">{t('desk.diagnostics.notAssessedYet')}</p>;
  const min = (level: string) => questionnaire.rule.thresholds.find((x) => x.level === level)?.minScore ?? 0;
  const description = questionnaire.levels.find((l) => l.id === result.level)?.description;
  const next = result.next;
  return (
    <div className="diag-why" data-testid={testId}>
      <h3>{t(scopeName ? 'desk.diagnostics.whyArea' : 'desk.diagnostics.why', { level: levelName(result.level), area: scopeName ?? '' })}</h3>
      {description && (
        <p className="muted" dir="auto">
          {description}
        </p>
      )}
      <p>{t('desk.diagnostics.whyScore', { score: pct(result.score), band: levelName(result.band), min: pct(min(result.band)) })}</p>
      {result.cappedBy.length > 0 && (
        <>
          <p>{t('desk.diagnostics.whyCapped', { band: levelName(result.band), level: levelName(result.level) })}</p>
          <ul>
            {result.cappedBy.map((g) => (
              <li key={`${g.level}-${g.questionId}-${g.part}`}>{gate(g)}</li>
            ))}
          </ul>
        </>
      )}
      {next ? (
        <>
          <p>
            {next.missing > 0
              ? t('desk.diagnostics.whyNextScore', { level: levelName(next.level), min: pct(next.minScore), missing: pct(next.missing) })
              : t('desk.diagnostics.whyNextGates', { level: levelName(next.level) })}
          </p>
          {next.gatesUnmet.length > 0 && (
            <ul>
              {next.gatesUnmet.map((g) => (
                <li key={`${g.level}-${g.questionId}-${g.part}`}>{gate(g)}</li>
              ))}
            </ul>
          )}
          {next.suggestions.length > 0 && (
            <>
              <p>{t('desk.diagnostics.suggestions')}</p>
              <ul>
                {next.suggestions.map((s) => (
                  <li key={`${s.questionId}-${s.part}`}>
                    {t('desk.diagnostics.suggestion', { question: s.questionId, part: t(`desk.diagnostics.parts.${s.part}`), gain: pct(s.gain) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p>{t('desk.diagnostics.whyTop')}</p>
      )}
      <ContributionsTable contributions={result.contributions} />
    </div>
  );
}

/** A required answer in words: the question, the part of its answer and the Handbook's reason. */
export function useGateText() {
  const { t } = useTranslation();
  return (g: GateView) => t('desk.diagnostics.gate', { question: g.questionId, part: t(`desk.diagnostics.parts.${g.part}`), reason: g.reason });
}
