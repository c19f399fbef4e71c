import type { Area, QuestionnaireView } from '../diagnostics-view.ts';
import { AREAS, LEVELS } from '../diagnostics-view.ts';
import type { QuestionnaireText } from './text-types.ts';
import * as v1 from './v1/structure.ts';
import { en } from './v1/text.en.ts';
import { es } from './v1/text.es.ts';
import { faAF } from './v1/text.fa-AF.ts';
import { fr } from './v1/text.fr.ts';
import { pt } from './v1/text.pt.ts';
import { ru } from './v1/text.ru.ts';
import { ur } from './v1/text.ur.ts';

export type { QuestionDef, GateDef } from './v1/structure.ts';
export type { QuestionnaireText } from './text-types.ts';

/** The languages of the app; every questionnaire version has its words in each of them (a test checks it). */
export const QUESTIONNAIRE_LANGUAGES = ['en', 'fr', 'es', 'pt', 'ru', 'ur', 'fa-AF'] as const;
export type QuestionnaireLanguage = (typeof QUESTIONNAIRE_LANGUAGES)[number];

export interface QuestionnaireVersion {
  version: string;
  questions: v1.QuestionDef[];
  areaWeights: Record<Area, number>;
  points: typeof v1.POINTS;
  thresholds: typeof v1.THRESHOLDS;
  gates: v1.GateDef[];
  texts: Record<QuestionnaireLanguage, QuestionnaireText>;
}

const VERSIONS: Record<string, QuestionnaireVersion> = {
  '1': {
    version: '1',
    questions: v1.QUESTIONS,
    areaWeights: v1.AREA_WEIGHTS,
    points: v1.POINTS,
    thresholds: v1.THRESHOLDS,
    gates: v1.GATES,
    texts: { en, fr, es, pt, ru, ur, 'fa-AF': faAF },
  },
};

/** The version new assessments are answered in. */
export const CURRENT_VERSION = '1';
export const questionnaireVersions = () => Object.keys(VERSIONS);
export function questionnaire(version: string): QuestionnaireVersion | undefined {
  return VERSIONS[version];
}

/** The closest language we have: "fr-CA" → fr, "fa" → fa-AF, anything else → en. */
export function pickLanguage(lang: string | undefined): QuestionnaireLanguage {
  if (!lang) return 'en';
  const exact = QUESTIONNAIRE_LANGUAGES.find((l) => l.toLowerCase() === lang.toLowerCase());
  if (exact) return exact;
  const base = lang.split('-')[0].toLowerCase();
  return QUESTIONNAIRE_LANGUAGES.find((l) => l.split('-')[0] === base) ?? 'en';
}

/** One version in one language, as the browser shows it. */
export function questionnaireView(q: QuestionnaireVersion, lang: QuestionnaireLanguage): QuestionnaireView {
  const text = q.texts[lang];
  return {
    version: q.version,
    language: lang,
    questions: q.questions.map((d) => ({
      id: d.id,
      area: d.area,
      answer: d.answer,
      asksFrequency: !!d.asksFrequency,
      asksSupport: !!d.asksSupport,
      dependsOn: d.dependsOn ?? null,
      weights: { value: d.weights.value, frequency: d.weights.frequency ?? 0, supported: d.weights.supported ?? 0 },
      ...text.questions[d.id],
    })),
    areas: AREAS.map((id) => ({ id, weight: q.areaWeights[id], name: text.areas[id] })),
    levels: LEVELS.map((id) => ({ id, ...text.levels[id] })),
    rule: {
      points: q.points,
      thresholds: q.thresholds,
      gates: q.gates.map((g) => ({ ...g, reason: text.gates[g.reason] })),
    },
  };
}
