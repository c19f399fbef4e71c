import type { AnswerKind, AnswerPart, Area, Level } from '../../diagnostics-view.ts';

// Version 1 of the diagnostic: the annex of the Customs–Police Cooperation Handbook (A.1 to A.19 with their
// sub-questions) and the rule that turns answers into the five partnership levels. A later version is a new
// folder: a completed assessment keeps the version it was answered in, so its level never changes afterwards.

export interface QuestionDef {
  id: string;
  area: Area;
  answer: AnswerKind;
  /** Also asks how often (never, ad hoc, monthly, weekly, daily). */
  asksFrequency?: boolean;
  /** Also asks whether the arrangement rests on an MOU/MOA or on law. */
  asksSupport?: boolean;
  /** A sub-question that does not apply when its parent is answered "no". */
  dependsOn?: string;
  /** Points each part may earn (0 = asked but not scored). */
  weights: { value: number; frequency?: number; supported?: number };
}

export interface GateDef {
  level: Level;
  questionId: string;
  part: AnswerPart;
  minPoints: number;
  /** Key of the reason in the text files (`gates`). */
  reason: string;
}

const Q = (id: string, area: Area, answer: AnswerKind, weights: QuestionDef['weights'], more: Partial<QuestionDef> = {}): QuestionDef => ({ id, area, answer, weights, ...more });

export const QUESTIONS: QuestionDef[] = [
  Q('A.1', 'arrangements', 'yes_no_partly', { value: 2, supported: 1 }, { asksSupport: true }),
  Q('A.2.1', 'information_exchange', 'yes_no_partly', { value: 2, supported: 1 }, { asksSupport: true }),
  Q('A.2.2', 'information_exchange', 'text', { value: 0, frequency: 2 }, { asksFrequency: true, dependsOn: 'A.2.1' }),
  Q('A.3.1', 'risk_analysis', 'yes_no_partly', { value: 2, frequency: 1 }, { asksFrequency: true }),
  Q('A.3.2', 'risk_analysis', 'yes_no', { value: 1 }, { dependsOn: 'A.3.1' }),
  Q('A.4.1', 'controls', 'yes_no_partly', { value: 2, frequency: 1 }, { asksFrequency: true }),
  Q('A.4.2', 'controls', 'yes_no', { value: 1 }, { dependsOn: 'A.4.1' }),
  Q('A.5.1', 'seizure_powers', 'yes_no_partly', { value: 2 }),
  Q('A.5.2', 'seizure_powers', 'text', { value: 0 }),
  Q('A.6', 'investigations', 'yes_no_partly', { value: 2, frequency: 1 }, { asksFrequency: true }),
  Q('A.7.1', 'investigations', 'yes_no_partly', { value: 1 }),
  Q('A.7.2', 'investigations', 'yes_no_partly', { value: 1 }, { dependsOn: 'A.7.1' }),
  Q('A.8', 'investigations', 'yes_no_partly', { value: 1 }),
  Q('A.9', 'special_techniques', 'yes_no_partly', { value: 1 }),
  Q('A.10', 'special_techniques', 'yes_no_partly', { value: 1 }),
  Q('A.11', 'special_techniques', 'yes_no_partly', { value: 1, supported: 1 }, { asksSupport: true }),
  Q('A.12', 'special_techniques', 'yes_no_partly', { value: 1 }),
  Q('A.13', 'resources', 'yes_no_partly', { value: 2, frequency: 1 }, { asksFrequency: true }),
  Q('A.14.1', 'liaison_officers', 'yes_no_partly', { value: 2, supported: 1 }, { asksSupport: true }),
  Q('A.14.2', 'liaison_officers', 'text', { value: 0 }, { dependsOn: 'A.14.1' }),
  Q('A.15.1', 'training', 'yes_no_partly', { value: 2, frequency: 1 }, { asksFrequency: true }),
  Q('A.15.2', 'training', 'text', { value: 0 }, { dependsOn: 'A.15.1' }),
  Q('A.16.1', 'training', 'yes_no_partly', { value: 2, frequency: 1 }, { asksFrequency: true }),
  Q('A.16.2', 'training', 'text', { value: 0 }, { dependsOn: 'A.16.1' }),
  Q('A.17', 'arrangements', 'text', { value: 0 }),
  Q('A.18', 'arrangements', 'level', { value: 0 }),
  Q('A.19', 'recognition', 'yes_no_partly', { value: 1 }),
];

/** How much each area weighs in the overall level: the formal framework and the exchange of information first. */
export const AREA_WEIGHTS: Record<Area, number> = {
  arrangements: 2, information_exchange: 2, risk_analysis: 1, controls: 1, seizure_powers: 1, investigations: 1,
  special_techniques: 1, resources: 1, liaison_officers: 1, training: 1, recognition: 1,
};

/** Points per answer, 0 to 1. */
export const POINTS = {
  yes_no_partly: { yes: 1, partly: 0.5, no: 0 } as Record<string, number>,
  yes_no: { yes: 1, no: 0 } as Record<string, number>,
  frequency: { never: 0, ad_hoc: 0.25, monthly: 0.5, weekly: 0.75, daily: 1 } as Record<string, number>,
  supported: { true: 1, false: 0 } as Record<'true' | 'false', number>,
};

/** The score (share of the points that could be earned, 0 to 1) from which each level starts. */
export const THRESHOLDS: { level: Level; minScore: number }[] = [
  { level: 'coexistence', minScore: 0 },
  { level: 'communication', minScore: 0.2 },
  { level: 'cooperation', minScore: 0.4 },
  { level: 'coordination', minScore: 0.6 },
  { level: 'collaboration', minScore: 0.8 },
];

/**
 * Answers the overall level needs besides its score, after the Handbook's description of each level:
 * cooperation is a formal structure; coordination is front-line staff working together every day;
 * collaboration is continuous exchange and pooled resources.
 */
export const GATES: GateDef[] = [
  { level: 'cooperation', questionId: 'A.1', part: 'supported', minPoints: 1, reason: 'formal' },
  { level: 'coordination', questionId: 'A.4.1', part: 'value', minPoints: 1, reason: 'jointWork' },
  { level: 'coordination', questionId: 'A.2.2', part: 'frequency', minPoints: 0.75, reason: 'regularExchange' },
  { level: 'collaboration', questionId: 'A.2.2', part: 'frequency', minPoints: 1, reason: 'continuousExchange' },
  { level: 'collaboration', questionId: 'A.13', part: 'value', minPoints: 1, reason: 'pooledResources' },
];
