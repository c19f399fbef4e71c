import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { API_BASE, api, withQuery } from '../../app/api.ts';
import type {
  ActionStatus, ActionView, AnswerPart, AnswerView, Area, AssessmentSummary, AssessmentView, CommentView, Contribution, Frequency, GateView, Level, LevelResult,
  QuestionView, QuestionnaireView, RegionalEntry, ResultView, ScoreResult,
} from '../../../../server/desk/diagnostics/diagnostics-view.ts';

export { ACTION_STATUSES, AREAS, FREQUENCIES, LEVELS, YES_NO_PARTLY, canEditDiagnostics, canReadDiagnostics, canSeeRegionalDiagnostics, canUseDiagnostics } from '../../../../server/desk/diagnostics/diagnostics-view.ts';
export type { ActionStatus, ActionView, AnswerPart, AnswerView, Area, AssessmentSummary, AssessmentView, CommentView, Contribution, Frequency, GateView, Level, LevelResult, QuestionView, QuestionnaireView, RegionalEntry, ResultView, ScoreResult };

/** One answer as the form keeps it and the server takes it. */
export interface AnswerDraft {
  questionId: string;
  value: string | null;
  frequency: Frequency | null;
  supported: boolean | null;
  text: string;
}

export interface ActionChange {
  owner?: string;
  dueDate?: string | null;
  status?: ActionStatus;
  note?: string;
}

const BASE = '/diagnostics';
/** Asks for the version new assessments are answered in, whatever its number. */
export const CURRENT_QUESTIONNAIRE = 'current';
export const diagnosticKeys = {
  all: ['desk', 'diagnostics'] as const,
  list: ['desk', 'diagnostics', 'list'] as const,
  questionnaire: (version: string, lang: string) => ['desk', 'diagnostics', 'questionnaire', version, lang] as const,
  one: (id: string, lang: string) => ['desk', 'diagnostics', 'one', id, lang] as const,
  result: (id: string, lang: string) => ['desk', 'diagnostics', 'result', id, lang] as const,
  regional: (lang: string) => ['desk', 'diagnostics', 'regional', lang] as const,
};

export const diagnosticsApi = {
  questionnaire: (version: string, lang: string) =>
    api.get<QuestionnaireView>(withQuery(version === CURRENT_QUESTIONNAIRE ? `${BASE}/questionnaire` : `${BASE}/questionnaire/${encodeURIComponent(version)}`, { lang })),
  list: () => api.get<{ assessments: AssessmentSummary[] }>(BASE),
  create: (title: string) => api.post<{ id: string }>(BASE, { title }),
  get: (id: string, lang: string) => api.get<AssessmentView>(withQuery(`${BASE}/${id}`, { lang })),
  settings: (id: string, body: { title?: string; shareWithWco?: boolean }, lang: string) => api.patch<AssessmentView>(withQuery(`${BASE}/${id}`, { lang }), body),
  saveAnswers: (id: string, answers: AnswerDraft[], lang: string) => api.put<AssessmentView>(withQuery(`${BASE}/${id}/answers`, { lang }), { answers }),
  comment: (id: string, questionId: string, body: string) => api.post<{ id: string }>(`${BASE}/${id}/comments`, { questionId, body }),
  complete: (id: string, shareWithWco: boolean, lang: string) => api.post<ResultView>(withQuery(`${BASE}/${id}/complete`, { lang }), { shareWithWco }),
  result: (id: string, lang: string) => api.get<ResultView>(withQuery(`${BASE}/${id}/result`, { lang })),
  updateAction: (id: string, actionId: string, change: ActionChange) => api.patch<ActionView>(`${BASE}/${id}/actions/${actionId}`, change),
  regional: () => api.get<{ entries: RegionalEntry[] }>(`${BASE}/regional`),
};

/** The link of the PDF report, in the interface language (the server falls back where the PDF cannot set the script). */
export const reportPdfHref = (id: string, lang: string) => withQuery(`${API_BASE}${BASE}/${id}/report.pdf`, { lang });

/** The questionnaire an assessment was answered in, in the interface language, with lookups by question and level. */
export function useQuestionnaire(version: string | undefined) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const query = useQuery({
    queryKey: diagnosticKeys.questionnaire(version ?? '', lang),
    queryFn: () => diagnosticsApi.questionnaire(version!, lang),
    enabled: !!version,
    staleTime: 60 * 60_000,
  });
  const q = query.data;
  return {
    query,
    questionnaire: q,
    question: (id: string) => q?.questions.find((x) => x.id === id),
    levelName: (level: Level | null | undefined) => (level ? (q?.levels.find((l) => l.id === level)?.name ?? level) : ''),
    areaName: (area: Area) => q?.areas.find((a) => a.id === area)?.name ?? area,
  };
}

/** Scores of 0..1 as whole percentages in the interface language. */
export function usePercent() {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (score: number | null | undefined) => (score == null ? '' : f.format(score));
}
