// The customs–police cooperation diagnostic, as the web app sees it (dependency-free: the web imports it too).

/** The five partnership levels of the Handbook, from the loosest to the closest. */
export const LEVELS = ['coexistence', 'communication', 'cooperation', 'coordination', 'collaboration'] as const;
export type Level = (typeof LEVELS)[number];

/** The areas the questions are grouped in; each gets its own level. */
export const AREAS = [
  'arrangements', 'information_exchange', 'risk_analysis', 'controls', 'seizure_powers', 'investigations',
  'special_techniques', 'resources', 'liaison_officers', 'training', 'recognition',
] as const;
export type Area = (typeof AREAS)[number];

/** What a question asks for: yes / no / partly, yes / no, one of the five levels (a self-rating) or free text only. */
export const ANSWER_KINDS = ['yes_no_partly', 'yes_no', 'level', 'text'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];
export const YES_NO_PARTLY = ['yes', 'partly', 'no'] as const;
export const FREQUENCIES = ['never', 'ad_hoc', 'monthly', 'weekly', 'daily'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The parts of an answer that can earn points. */
export type AnswerPart = 'value' | 'frequency' | 'supported';

export const ASSESSMENT_STATUSES = ['draft', 'completed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Who uses the diagnostic. An administration's own users read it; its NCPs and administrators answer and complete it. */
export const DIAGNOSTIC_READERS = ['admin', 'ncp', 'viewer'] as const;
export const DIAGNOSTIC_EDITORS = ['admin', 'ncp'] as const;
/** The WCO's I2C and the RILOs see the regional picture of the administrations that share it. */
export const DIAGNOSTIC_REGIONAL = ['i2c_officer', 'rilo_analyst'] as const;
export const canReadDiagnostics = (roles: readonly string[]) => DIAGNOSTIC_READERS.some((r) => roles.includes(r));
export const canEditDiagnostics = (roles: readonly string[]) => DIAGNOSTIC_EDITORS.some((r) => roles.includes(r));
export const canSeeRegionalDiagnostics = (roles: readonly string[]) => DIAGNOSTIC_REGIONAL.some((r) => roles.includes(r));
export const canUseDiagnostics = (roles: readonly string[]) => canReadDiagnostics(roles) || canSeeRegionalDiagnostics(roles);

// ---- The questionnaire as sent to the browser ----

export interface QuestionView {
  id: string;
  area: Area;
  answer: AnswerKind;
  asksFrequency: boolean;
  asksSupport: boolean;
  /** A sub-question that does not apply when this one is answered "no". */
  dependsOn: string | null;
  weights: { value: number; frequency: number; supported: number };
  question: string;
  weaknesses: string;
  solution: string;
}

export interface ThresholdView {
  level: Level;
  minScore: number;
}

/** An answer the rule requires before the overall level may reach `level`. */
export interface GateView {
  level: Level;
  questionId: string;
  part: AnswerPart;
  /** Points the part must earn, 0..1. */
  minPoints: number;
  /** Why the Handbook ties this answer to that level. */
  reason: string;
}

export interface QuestionnaireView {
  version: string;
  language: string;
  questions: QuestionView[];
  areas: { id: Area; weight: number; name: string }[];
  levels: { id: Level; name: string; description: string }[];
  rule: {
    points: { yes_no_partly: Record<string, number>; yes_no: Record<string, number>; frequency: Record<string, number>; supported: Record<'true' | 'false', number> };
    thresholds: ThresholdView[];
    gates: GateView[];
  };
}

// ---- Answers, scoring and assessments ----

export interface AnswerView {
  questionId: string;
  value: string | null;
  frequency: Frequency | null;
  supported: boolean | null;
  text: string;
  updatedAt: string;
  updatedByName: string | null;
}

export interface Contribution {
  questionId: string;
  part: AnswerPart;
  /** The answer given for that part (yes, weekly, true, …), null when not given. */
  answer: string | null;
  earned: number;
  max: number;
}

export interface Suggestion {
  questionId: string;
  part: AnswerPart;
  /** How much the score would rise with the best answer to this part. */
  gain: number;
}

export interface NextStep {
  level: Level;
  minScore: number;
  /** Score still missing to reach it (0 when only a required answer holds the level back). */
  missing: number;
  gatesUnmet: GateView[];
  suggestions: Suggestion[];
}

export interface LevelResult {
  /** Null when nothing in scope has been answered yet. */
  level: Level | null;
  score: number | null;
  /** The level the score alone would give, before the required answers are checked. */
  band: Level | null;
  cappedBy: GateView[];
  contributions: Contribution[];
  next: NextStep | null;
}

export interface ScoreResult {
  version: string;
  overall: LevelResult;
  areas: Record<Area, LevelResult>;
  answered: number;
  applicable: number;
  /** The administration's own rating (question A.18), beside the computed one. */
  selfRating: Level | null;
}

export interface CommentView {
  id: string;
  questionId: string;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface AssessmentSummary {
  id: string;
  orgId: string;
  orgName: string;
  country: string | null;
  title: string;
  version: string;
  status: AssessmentStatus;
  shareWithWco: boolean;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  level: Level | null;
  answered: number;
  applicable: number;
}

export interface AssessmentView extends AssessmentSummary {
  answers: AnswerView[];
  comments: CommentView[];
  score: ScoreResult;
  canEdit: boolean;
}

export interface ActionView {
  /** Null on a draft: the gaps found so far, not yet an action plan to keep. */
  id: string | null;
  questionId: string;
  area: Area;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  note: string;
  updatedAt: string;
}

export interface ResultView {
  assessment: AssessmentSummary;
  score: ScoreResult;
  actions: ActionView[];
  /** The administration's previous completed assessment, for comparison. */
  previous: { assessment: AssessmentSummary; score: ScoreResult } | null;
  canEdit: boolean;
}

export interface RegionalEntry {
  orgId: string;
  orgName: string;
  country: string;
  region: string | null;
  assessmentId: string;
  completedAt: string;
  level: Level;
  score: number;
  areas: Record<Area, Level | null>;
}
