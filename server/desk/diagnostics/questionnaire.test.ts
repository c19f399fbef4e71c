import { describe, expect, it } from 'vitest';
import { AREAS, LEVELS } from './diagnostics-view.ts';
import { QUESTIONNAIRE_LANGUAGES, questionnaire, questionnaireVersions, questionnaireView, pickLanguage } from './questionnaire/index.ts';

describe('questionnaire data', () => {
  for (const version of questionnaireVersions()) {
    const q = questionnaire(version)!;
    it(`version ${version}: every language has every question's question, common weaknesses and possible solution`, () => {
      for (const lang of QUESTIONNAIRE_LANGUAGES) {
        const text = q.texts[lang];
        for (const d of q.questions) {
          const t = text.questions[d.id];
          expect(t, `${lang} ${d.id}`).toBeDefined();
          for (const k of ['question', 'weaknesses', 'solution'] as const) expect(t[k].trim().length, `${lang} ${d.id} ${k}`).toBeGreaterThan(5);
        }
        expect(Object.keys(text.questions).sort(), `${lang}: no text for a question that does not exist`).toEqual(q.questions.map((d) => d.id).sort());
        for (const a of AREAS) expect(text.areas[a], `${lang} area ${a}`).toBeTruthy();
        for (const l of LEVELS) expect(text.levels[l]?.name && text.levels[l].description, `${lang} level ${l}`).toBeTruthy();
        for (const g of q.gates) expect(text.gates[g.reason], `${lang} gate ${g.reason}`).toBeTruthy();
        for (const [k, v] of Object.entries(text.report)) expect(v, `${lang} report.${k}`).toBeTruthy();
      }
    });

    it(`version ${version}: the structure holds together`, () => {
      const ids = q.questions.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      // A.1 to A.19, each present (directly or through its sub-questions).
      for (let n = 1; n <= 19; n++) expect(ids.some((id) => id === `A.${n}` || id.startsWith(`A.${n}.`)), `A.${n}`).toBe(true);
      for (const d of q.questions) if (d.dependsOn) expect(ids).toContain(d.dependsOn);
      for (const g of q.gates) expect(ids).toContain(g.questionId);
      for (const a of AREAS) expect(q.questions.some((d) => d.area === a && d.weights.value + (d.weights.frequency ?? 0) + (d.weights.supported ?? 0) > 0), `area ${a} is scored`).toBe(true);
      expect(q.thresholds.map((t) => t.level)).toEqual([...LEVELS]);
      expect(q.thresholds[0].minScore).toBe(0);
    });
  }

  it('serves a language we have, or the nearest one', () => {
    expect(pickLanguage('fa-AF')).toBe('fa-AF');
    expect(pickLanguage('fa')).toBe('fa-AF');
    expect(pickLanguage('fr-CA')).toBe('fr');
    expect(pickLanguage('de')).toBe('en');
    const view = questionnaireView(questionnaire('1')!, 'ur');
    expect(view.questions.find((x) => x.id === 'A.1')?.question).toMatch(/کسٹمز/);
    expect(view.rule.gates[0].reason).not.toBe('formal');
  });
});
