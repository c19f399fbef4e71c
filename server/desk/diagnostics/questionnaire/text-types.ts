import type { ActionStatus, Area, Level } from '../diagnostics-view.ts';

/** The words of one questionnaire version in one language: every question, area, level and report label. */
export interface QuestionnaireText {
  questions: Record<string, { question: string; weaknesses: string; solution: string }>;
  areas: Record<Area, string>;
  levels: Record<Level, { name: string; description: string }>;
  /** Why a level needs a given answer (keys of GATES' `reason`). */
  gates: Record<string, string>;
  /** Labels of the PDF report. */
  report: {
    title: string;
    administration: string;
    completed: string;
    draft: string;
    version: string;
    overall: string;
    score: string;
    byArea: string;
    selfRating: string;
    previous: string;
    actionPlan: string;
    gap: string;
    solution: string;
    owner: string;
    dueDate: string;
    status: string;
    noActions: string;
    notAssessed: string;
    actionStatuses: Record<ActionStatus, string>;
  };
}
