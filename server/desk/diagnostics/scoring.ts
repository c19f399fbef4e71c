import { AREAS, LEVELS, type AnswerPart, type Area, type Contribution, type Frequency, type GateView, type Level, type LevelResult, type ScoreResult, type Suggestion } from './diagnostics-view.ts';
import type { GateDef, QuestionDef, QuestionnaireVersion } from './questionnaire/index.ts';

// The rule that places an administration on the five partnership levels. It reads everything from the
// questionnaire version (weights, points, thresholds, required answers), so changing the rule is a new version
// of data, not new code; docs/architecture.md explains it in words.

export interface AnswerInput {
  value: string | null;
  frequency: Frequency | null;
  supported: boolean | null;
  text: string;
}
export type Answers = ReadonlyMap<string, AnswerInput>;

const EPS = 1e-9;
const round = (n: number) => Math.round(n * 1000) / 1000;

export const isAnswered = (a: AnswerInput | undefined) => !!a && (a.value != null || a.frequency != null || a.supported != null || a.text.trim() !== '');

/** A sub-question does not apply when its parent was answered "no". */
export function isApplicable(q: QuestionDef, answers: Answers): boolean {
  return !q.dependsOn || answers.get(q.dependsOn)?.value !== 'no';
}

/** Points (0..1) one part of an answer earns. "No" to the question earns nothing for its frequency or support either. */
export function partPoints(rule: QuestionnaireVersion, q: QuestionDef, a: AnswerInput | undefined, part: AnswerPart): number {
  if (!a) return 0;
  if (part === 'value') {
    if (q.answer !== 'yes_no_partly' && q.answer !== 'yes_no') return 0;
    return a.value == null ? 0 : (rule.points[q.answer][a.value] ?? 0);
  }
  if (a.value === 'no') return 0;
  if (part === 'frequency') return a.frequency == null ? 0 : (rule.points.frequency[a.frequency] ?? 0);
  return a.supported == null ? 0 : rule.points.supported[String(a.supported) as 'true' | 'false'];
}

const answerOf = (a: AnswerInput | undefined, part: AnswerPart): string | null => {
  if (!a) return null;
  if (part === 'value') return a.value;
  if (part === 'frequency') return a.frequency;
  return a.supported == null ? null : String(a.supported);
};

/** The scored parts of one answered, applicable question. */
function contributions(rule: QuestionnaireVersion, q: QuestionDef, a: AnswerInput | undefined): Contribution[] {
  const parts: [AnswerPart, number][] = [['value', q.weights.value], ['frequency', q.asksFrequency ? (q.weights.frequency ?? 0) : 0], ['supported', q.asksSupport ? (q.weights.supported ?? 0) : 0]];
  return parts.filter(([, w]) => w > 0).map(([part, w]) => ({ questionId: q.id, part, answer: answerOf(a, part), earned: round(w * partPoints(rule, q, a, part)), max: w }));
}

function bandOf(rule: QuestionnaireVersion, score: number): Level {
  let level: Level = 'coexistence';
  for (const t of rule.thresholds) if (score + EPS >= t.minScore) level = t.level;
  return level;
}

const gateMet = (rule: QuestionnaireVersion, byId: Map<string, QuestionDef>, answers: Answers, g: GateDef) => {
  const q = byId.get(g.questionId);
  if (!q || !isApplicable(q, answers)) return false;
  return partPoints(rule, q, answers.get(g.questionId), g.part) + EPS >= g.minPoints;
};

interface Scope {
  /** Scored parts of the answered questions in scope, with how much each weighs in the scope's score. */
  parts: { c: Contribution; share: number }[];
  score: number | null;
  gates: GateDef[];
}

function levelResult(rule: QuestionnaireVersion, byId: Map<string, QuestionDef>, answers: Answers, scope: Scope, gateText: (g: GateDef) => GateView): LevelResult {
  if (scope.score == null) return { level: null, score: null, band: null, cappedBy: [], contributions: [], next: null };
  const score = scope.score;
  const band = bandOf(rule, score);
  const unmet = scope.gates.filter((g) => !gateMet(rule, byId, answers, g));
  // The highest level up to the band whose required answers (and those of every level below) are all given.
  let level: Level = 'coexistence';
  for (const l of LEVELS.slice(1, LEVELS.indexOf(band) + 1)) {
    if (unmet.some((g) => LEVELS.indexOf(g.level) <= LEVELS.indexOf(l))) break;
    level = l;
  }
  const cappedBy = unmet.filter((g) => LEVELS.indexOf(g.level) <= LEVELS.indexOf(band) && LEVELS.indexOf(g.level) > LEVELS.indexOf(level)).map(gateText);
  const nextLevel = LEVELS[LEVELS.indexOf(level) + 1];
  let next: LevelResult['next'] = null;
  if (nextLevel) {
    const minScore = rule.thresholds.find((t) => t.level === nextLevel)?.minScore ?? 1;
    const suggestions: Suggestion[] = scope.parts
      .filter(({ c }) => c.earned < c.max)
      .map(({ c, share }) => ({ questionId: c.questionId, part: c.part, gain: round(share * (c.max - c.earned)) }))
      .sort((a, b) => b.gain - a.gain || a.questionId.localeCompare(b.questionId, 'en', { numeric: true }))
      .slice(0, 5);
    next = {
      level: nextLevel,
      minScore,
      missing: round(Math.max(0, minScore - score)),
      gatesUnmet: unmet.filter((g) => LEVELS.indexOf(g.level) <= LEVELS.indexOf(nextLevel)).map(gateText),
      suggestions,
    };
  }
  return { level, score: round(score), band, cappedBy, contributions: scope.parts.map((p) => p.c), next };
}

/** Scores one set of answers: a level overall and per area, each with the answers behind it and the way up. */
export function scoreAnswers(rule: QuestionnaireVersion, answers: Answers, gateText: (g: GateDef) => GateView = (g) => ({ ...g })): ScoreResult {
  const byId = new Map(rule.questions.map((q) => [q.id, q]));
  const applicable = rule.questions.filter((q) => isApplicable(q, answers));
  const answered = applicable.filter((q) => isAnswered(answers.get(q.id)));
  const areaOf = (id: string) => byId.get(id)?.area;

  const areaScopes = {} as Record<Area, Scope>;
  for (const area of AREAS) {
    const cs = answered.filter((q) => q.area === area).flatMap((q) => contributions(rule, q, answers.get(q.id)));
    const max = cs.reduce((s, c) => s + c.max, 0);
    areaScopes[area] = {
      parts: cs.map((c) => ({ c, share: max ? 1 / max : 0 })),
      score: max ? cs.reduce((s, c) => s + c.earned, 0) / max : null,
      gates: rule.gates.filter((g) => areaOf(g.questionId) === area),
    };
  }
  // Overall: the areas answered so far, each by its weight.
  const assessed = AREAS.filter((a) => areaScopes[a].score != null);
  const totalWeight = assessed.reduce((s, a) => s + rule.areaWeights[a], 0);
  const overall: Scope = {
    parts: assessed.flatMap((a) => areaScopes[a].parts.map((p) => ({ c: p.c, share: (p.share * rule.areaWeights[a]) / totalWeight }))),
    score: totalWeight ? assessed.reduce((s, a) => s + rule.areaWeights[a] * areaScopes[a].score!, 0) / totalWeight : null,
    gates: rule.gates,
  };

  const areas = {} as Record<Area, LevelResult>;
  for (const area of AREAS) areas[area] = levelResult(rule, byId, answers, areaScopes[area], gateText);
  const self = rule.questions.find((q) => q.answer === 'level');
  const selfValue = self ? answers.get(self.id)?.value : null;
  return {
    version: rule.version,
    overall: levelResult(rule, byId, answers, overall, gateText),
    areas,
    answered: answered.length,
    applicable: applicable.length,
    selfRating: selfValue && (LEVELS as readonly string[]).includes(selfValue) ? (selfValue as Level) : null,
  };
}

/** What still has to be answered before an assessment can be completed (text-only questions are optional). */
export function missingForCompletion(rule: QuestionnaireVersion, answers: Answers): { questionId: string; part: AnswerPart }[] {
  const missing: { questionId: string; part: AnswerPart }[] = [];
  for (const q of rule.questions) {
    if (!isApplicable(q, answers)) continue;
    const a = answers.get(q.id);
    if (q.answer !== 'text' && a?.value == null) missing.push({ questionId: q.id, part: 'value' });
    else if (q.asksFrequency && a?.value !== 'no' && a?.frequency == null) missing.push({ questionId: q.id, part: 'frequency' });
    else if (q.asksSupport && a?.value !== 'no' && a?.supported == null) missing.push({ questionId: q.id, part: 'supported' });
  }
  return missing;
}

/** The gaps of a completed assessment: every scored question below its best answer, in questionnaire order. */
export function gaps(rule: QuestionnaireVersion, answers: Answers): QuestionDef[] {
  return rule.questions.filter((q) => isApplicable(q, answers) && contributions(rule, q, answers.get(q.id)).some((c) => c.earned < c.max));
}
