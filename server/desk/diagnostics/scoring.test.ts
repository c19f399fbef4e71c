import { describe, expect, it } from 'vitest';
import { questionnaire } from './questionnaire/index.ts';
import { gaps, missingForCompletion, scoreAnswers, type AnswerInput } from './scoring.ts';

const rule = questionnaire('1')!;
const A = (value: string | null, more: Partial<AnswerInput> = {}): AnswerInput => ({ value, frequency: null, supported: null, text: '', ...more });

/** Every question at its best: yes, daily, supported by an MOU or law. */
function best(): Map<string, AnswerInput> {
  const m = new Map<string, AnswerInput>();
  for (const q of rule.questions) {
    if (q.answer === 'text') m.set(q.id, A(null, { frequency: q.asksFrequency ? 'daily' : null, text: 'Described.' }));
    else if (q.answer === 'level') m.set(q.id, A('collaboration'));
    else m.set(q.id, A('yes', { frequency: q.asksFrequency ? 'daily' : null, supported: q.asksSupport ? true : null }));
  }
  return m;
}

describe('scoring', () => {
  it('nothing answered: no level yet, anywhere', () => {
    const r = scoreAnswers(rule, new Map());
    expect(r.overall.level).toBeNull();
    expect(r.areas.training.level).toBeNull();
    expect(r.answered).toBe(0);
  });

  it('every answer at its best is collaboration overall and in every area, with nothing to suggest', () => {
    const r = scoreAnswers(rule, best());
    expect(r.overall).toMatchObject({ level: 'collaboration', score: 1, band: 'collaboration', cappedBy: [], next: null });
    for (const area of Object.values(r.areas)) expect(area.level).toBe('collaboration');
    expect(missingForCompletion(rule, best())).toEqual([]);
    expect(gaps(rule, best())).toEqual([]);
    expect(r.selfRating).toBe('collaboration');
  });

  it('every "no" is coexistence; the sub-questions of a "no" do not apply and are not required', () => {
    const m = new Map<string, AnswerInput>();
    for (const q of rule.questions) if (q.answer !== 'text') m.set(q.id, A(q.answer === 'level' ? 'communication' : 'no'));
    const r = scoreAnswers(rule, m);
    expect(r.overall.level).toBe('coexistence');
    expect(r.overall.score).toBe(0);
    expect(r.applicable).toBeLessThan(rule.questions.length); // A.2.2, A.3.2, … drop out
    expect(missingForCompletion(rule, m)).toEqual([]);
    expect(r.overall.next?.level).toBe('communication');
    expect(r.overall.next?.missing).toBe(0.2);
    // The way up starts with the heaviest answers: the arrangements and the exchange of information.
    expect(r.overall.next?.suggestions[0].questionId).toMatch(/^A\.(1|2\.1)$/);
    expect(r.selfRating).toBe('communication');
  });

  it('a score in the cooperation band without an MOU or law behind the arrangements stays at communication, and says why', () => {
    const m = best();
    m.set('A.1', A('yes', { supported: false }));
    m.set('A.2.2', A(null, { frequency: 'monthly' }));
    m.set('A.4.1', A('partly', { frequency: 'monthly' }));
    m.set('A.13', A('no'));
    for (const id of ['A.9', 'A.10', 'A.11', 'A.12', 'A.19', 'A.15.1', 'A.16.1']) m.set(id, A('no'));
    const r = scoreAnswers(rule, m);
    expect(r.overall.band).toBe('cooperation');
    expect(r.overall.level).toBe('communication');
    expect(r.overall.cappedBy.map((g) => `${g.level}:${g.questionId}:${g.part}`)).toEqual(['cooperation:A.1:supported']);
    expect(r.overall.next).toMatchObject({ level: 'cooperation', missing: 0 });
    expect(r.overall.next?.gatesUnmet.map((g) => g.questionId)).toEqual(['A.1']);
    // The area of the arrangements is held back the same way; other areas are not.
    expect(r.areas.arrangements.level).toBe('communication');
    expect(r.areas.seizure_powers.level).toBe('collaboration');
    expect(r.areas.special_techniques.level).toBe('coexistence');

    // An MOU behind the arrangements lifts it to cooperation; coordination still needs joint controls and weekly exchange.
    m.set('A.1', A('yes', { supported: true }));
    const lifted = scoreAnswers(rule, m);
    expect(lifted.overall.level).toBe('cooperation');
    expect(lifted.overall.next?.gatesUnmet.map((g) => g.questionId)).toEqual(['A.4.1', 'A.2.2']);
  });

  it('thresholds are inclusive and partial answers earn half', () => {
    const m = new Map<string, AnswerInput>([['A.19', A('partly')]]);
    expect(scoreAnswers(rule, m).areas.recognition).toMatchObject({ level: 'cooperation', score: 0.5 });
    // Arrangements: A.1 "yes" without support = 2 of 3 points = 0.667, band coordination, held at communication.
    const arr = scoreAnswers(rule, new Map([['A.1', A('yes', { supported: false })]])).areas.arrangements;
    expect(arr).toMatchObject({ score: 0.667, band: 'coordination', level: 'communication' });
    expect(arr.contributions).toEqual([
      { questionId: 'A.1', part: 'value', answer: 'yes', earned: 2, max: 2 },
      { questionId: 'A.1', part: 'supported', answer: 'false', earned: 0, max: 1 },
    ]);
    expect(arr.next?.suggestions).toEqual([{ questionId: 'A.1', part: 'supported', gain: 0.333 }]);
  });

  it('a "no" earns nothing for its frequency or support, and completion asks for what is missing', () => {
    const m = new Map([['A.6', A('no', { frequency: 'daily' })], ['A.1', A('yes')]]);
    expect(scoreAnswers(rule, m).areas.investigations.contributions.filter((c) => c.questionId === 'A.6').map((c) => c.earned)).toEqual([0, 0]);
    const missing = missingForCompletion(rule, m);
    expect(missing).toContainEqual({ questionId: 'A.1', part: 'supported' });
    expect(missing).toContainEqual({ questionId: 'A.2.1', part: 'value' });
    expect(missing.some((x) => x.questionId === 'A.6')).toBe(false);
    expect(missing.some((x) => x.questionId === 'A.17')).toBe(false); // free text is optional
  });
});
