import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { type Db, execRows } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { conflict, forbidden, notFound, Problem, type FieldError } from '../../platform/http/problem.ts';
import { isoTime } from '../../platform/db/timestamps.ts';
import {
  AREAS, FREQUENCIES, LEVELS, YES_NO_PARTLY, canEditDiagnostics,
  type ActionView, type AnswerView, type Area, type AssessmentStatus, type AssessmentSummary, type AssessmentView, type CommentView, type Frequency,
  type GateView, type Level, type RegionalEntry, type ResultView, type ScoreResult,
} from './diagnostics-view.ts';
import { CURRENT_VERSION, pickLanguage, questionnaire, type QuestionnaireLanguage, type QuestionnaireVersion } from './questionnaire/index.ts';
import { gaps, isAnswered, missingForCompletion, scoreAnswers, type AnswerInput, type Answers } from './scoring.ts';
import type { ActionBody, AnswerBody } from './schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;
type Meta = { ip?: string; requestId?: string };

interface AssessmentRow {
  id: string; orgId: string; orgName: string; country: string | null; region: string | null; title: string; version: string; status: AssessmentStatus;
  shareWithWco: boolean; createdAt: Date | string; updatedAt: Date | string; completedAt: Date | string | null; result: StoredResult | null;
}
/** What is kept at completion: the levels, for lists and the regional picture (details are recomputed from the answers). */
interface StoredResult { level: Level | null; score: number | null; areas: Record<Area, Level | null> }

const ASSESSMENT = sql`a.id, a.org_id AS "orgId", o.name AS "orgName", o.country, o.region, a.title, a.version, a.status, a.share_with_wco AS "shareWithWco",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.completed_at AS "completedAt", a.result`;
const FROM = sql`diagnostic_assessments a JOIN identity_organisations o ON o.id = a.org_id`;

const invalid = (detail: string, errors: FieldError[]) => new Problem(422, 'Unprocessable Content', detail, errors);

function rule(version: string): QuestionnaireVersion {
  const q = questionnaire(version);
  if (!q) throw new Problem(500, 'Internal Server Error', `Questionnaire version ${version} is not installed.`);
  return q;
}

/** Checks each answer against its question; every offending answer is named, and none is stored. */
export function checkAnswers(q: QuestionnaireVersion, answers: AnswerBody[]): FieldError[] {
  const byId = new Map(q.questions.map((d) => [d.id, d]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const at = `answers[${i}]`;
    const d = byId.get(a.questionId);
    if (!d) return errors.push({ field: `${at}.questionId`, message: `${a.questionId}: no such question in questionnaire version ${q.version}` });
    if (seen.has(d.id)) errors.push({ field: `${at}.questionId`, message: `${d.id}: answered twice in one save` });
    seen.add(d.id);
    if (a.value != null) {
      const allowed: readonly string[] = d.answer === 'yes_no_partly' ? YES_NO_PARTLY : d.answer === 'yes_no' ? ['yes', 'no'] : d.answer === 'level' ? LEVELS : [];
      if (!allowed.length) errors.push({ field: `${at}.value`, message: `${d.id}: takes free text only, not a value` });
      else if (!allowed.includes(a.value)) errors.push({ field: `${at}.value`, message: `${d.id}: "${a.value}" is not one of ${allowed.join(', ')}` });
    }
    if (a.frequency != null) {
      if (!d.asksFrequency) errors.push({ field: `${at}.frequency`, message: `${d.id}: does not ask how often` });
      else if (!(FREQUENCIES as readonly string[]).includes(a.frequency)) errors.push({ field: `${at}.frequency`, message: `${d.id}: "${a.frequency}" is not one of ${FREQUENCIES.join(', ')}` });
    }
    if (a.supported != null && !d.asksSupport) errors.push({ field: `${at}.supported`, message: `${d.id}: does not ask whether an MOU or law supports it` });
  });
  return errors;
}

/**
 * The customs–police cooperation diagnostic: an administration's NCPs and administrators answer the Handbook's
 * questionnaire together, complete it (which locks the answers and makes the action plan), and choose whether
 * the WCO and the RILOs may see its levels.
 */
export function createDiagnostics(ctx: Ctx) {
  const { database, audit } = ctx;

  const summary = (r: AssessmentRow, score?: ScoreResult): AssessmentSummary => ({
    id: r.id, orgId: r.orgId, orgName: r.orgName, country: r.country, title: r.title, version: r.version, status: r.status, shareWithWco: r.shareWithWco,
    createdAt: isoTime(r.createdAt), updatedAt: isoTime(r.updatedAt), completedAt: isoTime(r.completedAt),
    level: score ? score.overall.level : (r.result?.level ?? null),
    answered: score?.answered ?? 0, applicable: score?.applicable ?? 0,
  });

  async function loadAnswers(t: Db | null, id: string): Promise<(AnswerInput & { questionId: string; updatedAt: Date | string; updatedByName: string | null })[]> {
    const q = sql`SELECT d.question_id AS "questionId", d.value, d.frequency, d.supported, d.text, d.updated_at AS "updatedAt", u.display_name AS "updatedByName"
      FROM diagnostic_answers d LEFT JOIN identity_users u ON u.id = d.updated_by WHERE d.assessment_id = ${id}`;
    return t ? execRows(t, q) : database.rows(q);
  }
  const answerMap = (rows: (AnswerInput & { questionId: string })[]): Answers => new Map(rows.map((r) => [r.questionId, { value: r.value, frequency: r.frequency as Frequency | null, supported: r.supported, text: r.text }]));

  const gateText = (q: QuestionnaireVersion, lang: QuestionnaireLanguage) => (g: { level: Level; questionId: string; part: GateView['part']; minPoints: number; reason: string }): GateView => ({ ...g, reason: q.texts[lang].gates[g.reason] ?? g.reason });

  async function row(id: string, t?: Db): Promise<AssessmentRow> {
    const q = sql`SELECT ${ASSESSMENT} FROM ${FROM} WHERE a.id = ${id}`;
    const [r] = t ? await execRows<AssessmentRow>(t, q) : await database.rows<AssessmentRow>(q);
    if (!r) throw notFound('Assessment');
    return r;
  }

  /** Only the administration's own users see or change its assessment. */
  function ownOnly(actor: Principal, r: AssessmentRow) {
    if (r.orgId !== actor.orgId) throw forbidden('This assessment belongs to another administration: only its own users may open or change it.');
  }
  function editable(actor: Principal, r: AssessmentRow) {
    ownOnly(actor, r);
    if (!canEditDiagnostics(actor.roles)) throw forbidden("Only the administration's NCPs and administrators answer the diagnostic.");
    if (r.status === 'completed') throw conflict('This assessment is completed: its answers are locked. Start a new assessment to change them.');
  }
  async function lockRow(t: Db, id: string) {
    await execRows(t, sql`SELECT id FROM diagnostic_assessments WHERE id = ${id} FOR UPDATE`);
    return row(id, t);
  }

  async function list(actor: Principal): Promise<AssessmentSummary[]> {
    const rows = await database.rows<AssessmentRow>(sql`SELECT ${ASSESSMENT} FROM ${FROM} WHERE a.org_id = ${actor.orgId} ORDER BY a.status = 'draft' DESC, a.completed_at DESC NULLS LAST, a.created_at DESC`);
    const out: AssessmentSummary[] = [];
    for (const r of rows) out.push(summary(r, scoreAnswers(rule(r.version), answerMap(await loadAnswers(null, r.id)))));
    return out;
  }

  async function create(actor: Principal, input: { title: string }, meta: Meta = {}): Promise<string> {
    if (!canEditDiagnostics(actor.roles)) throw forbidden("Only an administration's NCPs and administrators start a diagnostic.");
    return database.db.transaction(async (t) => {
      // One draft at a time: contributors never answer two versions of the truth.
      await execRows(t, sql`SELECT pg_advisory_xact_lock(hashtext('diagnostic-draft:' || ${actor.orgId}))`);
      const [draft] = await execRows<{ id: string }>(t, sql`SELECT id FROM diagnostic_assessments WHERE org_id = ${actor.orgId} AND status = 'draft'`);
      if (draft) throw conflict(`Your administration already has an assessment in progress (${draft.id}): complete it first.`, [{ field: 'title', message: 'an assessment is already in progress' }]);
      const [r] = await execRows<{ id: string }>(t, sql`INSERT INTO diagnostic_assessments (org_id, title, version, created_by) VALUES (${actor.orgId}, ${input.title}, ${CURRENT_VERSION}, ${actor.userId}) RETURNING id`);
      await audit.record({ actor, action: 'diagnostics.create', targetType: 'diagnostic_assessment', targetId: r.id, ...meta }, t);
      return r.id;
    });
  }

  async function get(actor: Principal, id: string, lang?: string): Promise<AssessmentView> {
    const r = await row(id);
    ownOnly(actor, r);
    const q = rule(r.version);
    const language = pickLanguage(lang);
    const rows = await loadAnswers(null, id);
    const score = scoreAnswers(q, answerMap(rows), gateText(q, language));
    const comments = await database.rows<CommentView & { createdAt: Date | string }>(sql`SELECT c.id, c.question_id AS "questionId", c.body, COALESCE(u.display_name, '') AS "authorName", c.created_at AS "createdAt"
      FROM diagnostic_comments c LEFT JOIN identity_users u ON u.id = c.author_id WHERE c.assessment_id = ${id} ORDER BY c.created_at, c.id`);
    const answers: AnswerView[] = rows.map((a) => ({ questionId: a.questionId, value: a.value, frequency: a.frequency, supported: a.supported, text: a.text, updatedAt: isoTime(a.updatedAt), updatedByName: a.updatedByName }));
    return {
      ...summary(r, score),
      answers,
      comments: comments.map((c) => ({ ...c, createdAt: isoTime(c.createdAt) })),
      score,
      canEdit: r.status === 'draft' && canEditDiagnostics(actor.roles),
    };
  }

  /** Saves some answers of a draft at once: all of them or, if one is out of range, none. An empty answer clears it. */
  async function saveAnswers(actor: Principal, id: string, answers: AnswerBody[], meta: Meta = {}) {
    await database.db.transaction(async (t) => {
      const r = await lockRow(t, id);
      editable(actor, r);
      const errors = checkAnswers(rule(r.version), answers);
      if (errors.length) throw invalid(`Answers out of range: ${[...new Set(errors.map((e) => e.message.split(':')[0]))].join(', ')}. Nothing was saved.`, errors);
      for (const a of answers) {
        const input = { value: a.value, frequency: a.frequency as Frequency | null, supported: a.supported, text: a.text.trim() };
        if (!isAnswered(input)) {
          await t.execute(sql`DELETE FROM diagnostic_answers WHERE assessment_id = ${id} AND question_id = ${a.questionId}`);
          continue;
        }
        await t.execute(sql`INSERT INTO diagnostic_answers (assessment_id, question_id, value, frequency, supported, text, updated_by)
          VALUES (${id}, ${a.questionId}, ${input.value}, ${input.frequency}, ${input.supported}, ${input.text}, ${actor.userId})
          ON CONFLICT (assessment_id, question_id) DO UPDATE SET value = EXCLUDED.value, frequency = EXCLUDED.frequency, supported = EXCLUDED.supported,
            text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = now()`);
      }
      await t.execute(sql`UPDATE diagnostic_assessments SET updated_at = now() WHERE id = ${id}`);
      await audit.record({ actor, action: 'diagnostics.answers.save', targetType: 'diagnostic_assessment', targetId: id, detail: { questions: answers.map((a) => a.questionId) }, ...meta }, t);
    });
  }

  async function comment(actor: Principal, id: string, input: { questionId: string; body: string }, meta: Meta = {}): Promise<string> {
    return database.db.transaction(async (t) => {
      const r = await lockRow(t, id);
      editable(actor, r);
      if (!rule(r.version).questions.some((q) => q.id === input.questionId)) throw invalid(`${input.questionId}: no such question in questionnaire version ${r.version}`, [{ field: 'questionId', message: `${input.questionId}: no such question` }]);
      const [c] = await execRows<{ id: string }>(t, sql`INSERT INTO diagnostic_comments (assessment_id, question_id, author_id, body) VALUES (${id}, ${input.questionId}, ${actor.userId}, ${input.body}) RETURNING id`);
      await audit.record({ actor, action: 'diagnostics.comment', targetType: 'diagnostic_assessment', targetId: id, detail: { questionId: input.questionId }, ...meta }, t);
      return c.id;
    });
  }

  /** The title (while a draft) and the consent to share with the WCO and RILOs (at any time: it can be withdrawn). */
  async function updateSettings(actor: Principal, id: string, input: { title?: string; shareWithWco?: boolean }, meta: Meta = {}) {
    await database.db.transaction(async (t) => {
      const r = await lockRow(t, id);
      ownOnly(actor, r);
      if (!canEditDiagnostics(actor.roles)) throw forbidden("Only the administration's NCPs and administrators change the diagnostic.");
      if (input.title !== undefined && r.status === 'completed') throw conflict('This assessment is completed: its title is locked.');
      await t.execute(sql`UPDATE diagnostic_assessments SET title = COALESCE(${input.title ?? null}, title), share_with_wco = COALESCE(${input.shareWithWco ?? null}::boolean, share_with_wco), updated_at = now() WHERE id = ${id}`);
      if (input.shareWithWco !== undefined && input.shareWithWco !== r.shareWithWco) {
        await audit.record({ actor, action: input.shareWithWco ? 'diagnostics.share.grant' : 'diagnostics.share.withdraw', targetType: 'diagnostic_assessment', targetId: id, ...meta }, t);
      }
    });
  }

  /** Completes a draft: every applicable question answered, the answers locked, one action per gap. */
  async function complete(actor: Principal, id: string, input: { shareWithWco?: boolean }, meta: Meta = {}) {
    await database.db.transaction(async (t) => {
      const r = await lockRow(t, id);
      editable(actor, r);
      const q = rule(r.version);
      const answers = answerMap(await loadAnswers(t, id));
      const missing = missingForCompletion(q, answers);
      if (missing.length) {
        throw invalid(`Not every question is answered yet: ${[...new Set(missing.map((m) => m.questionId))].join(', ')}.`, missing.map((m) => ({ field: `${m.questionId}.${m.part}`, message: `${m.questionId}: ${m.part} is not answered` })));
      }
      const score = scoreAnswers(q, answers);
      const stored: StoredResult = { level: score.overall.level, score: score.overall.score, areas: Object.fromEntries(AREAS.map((a) => [a, score.areas[a].level])) as Record<Area, Level | null> };
      await t.execute(sql`UPDATE diagnostic_assessments SET status = 'completed', completed_at = now(), completed_by = ${actor.userId}, updated_at = now(),
        share_with_wco = COALESCE(${input.shareWithWco ?? null}::boolean, share_with_wco), result = ${JSON.stringify(stored)}::jsonb WHERE id = ${id}`);
      for (const g of gaps(q, answers)) {
        await t.execute(sql`INSERT INTO diagnostic_actions (assessment_id, question_id, area) VALUES (${id}, ${g.id}, ${g.area})`);
      }
      await audit.record({ actor, action: 'diagnostics.complete', targetType: 'diagnostic_assessment', targetId: id, detail: { level: stored.level, shareWithWco: input.shareWithWco ?? r.shareWithWco }, ...meta }, t);
    });
  }

  async function actionsOf(id: string, version: string): Promise<ActionView[]> {
    const rows = await database.rows<ActionView & { updatedAt: Date | string }>(sql`SELECT id, question_id AS "questionId", area, owner, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", status, note, updated_at AS "updatedAt"
      FROM diagnostic_actions WHERE assessment_id = ${id}`);
    const order = new Map(rule(version).questions.map((q, i) => [q.id, i]));
    return rows.map((a) => ({ ...a, updatedAt: isoTime(a.updatedAt) })).sort((a, b) => (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0));
  }

  /**
   * The result: levels and why, the action plan (for a draft, the gaps answered so far, not yet editable) and the
   * administration's previous completed assessment to compare with.
   */
  async function result(actor: Principal, id: string, lang?: string): Promise<ResultView> {
    const r = await row(id);
    ownOnly(actor, r);
    const language = pickLanguage(lang);
    const q = rule(r.version);
    const answers = answerMap(await loadAnswers(null, id));
    const score = scoreAnswers(q, answers, gateText(q, language));
    const actions: ActionView[] = r.status === 'completed'
      ? await actionsOf(id, r.version)
      : gaps(q, answers).filter((g) => isAnswered(answers.get(g.id))).map((g) => ({ id: null, questionId: g.id, area: g.area, owner: '', dueDate: null, status: 'open', note: '', updatedAt: isoTime(r.updatedAt) }));
    const [prev] = await database.rows<AssessmentRow>(sql`SELECT ${ASSESSMENT} FROM ${FROM} WHERE a.org_id = ${r.orgId} AND a.status = 'completed' AND a.id <> ${id}
      AND (${isoTime(r.completedAt)}::timestamptz IS NULL OR a.completed_at < ${isoTime(r.completedAt)}::timestamptz) ORDER BY a.completed_at DESC LIMIT 1`);
    let previous: ResultView['previous'] = null;
    if (prev) {
      const pq = rule(prev.version);
      const pScore = scoreAnswers(pq, answerMap(await loadAnswers(null, prev.id)), gateText(pq, language));
      previous = { assessment: summary(prev, pScore), score: pScore };
    }
    return { assessment: summary(r, score), score, actions, previous, canEdit: r.status === 'completed' && canEditDiagnostics(actor.roles) };
  }

  async function updateAction(actor: Principal, id: string, actionId: string, input: ActionBody, meta: Meta = {}): Promise<ActionView> {
    await database.db.transaction(async (t) => {
      const r = await lockRow(t, id);
      ownOnly(actor, r);
      if (!canEditDiagnostics(actor.roles)) throw forbidden("Only the administration's NCPs and administrators keep the action plan.");
      const [a] = await execRows<{ id: string }>(t, sql`SELECT id FROM diagnostic_actions WHERE id = ${actionId} AND assessment_id = ${id} FOR UPDATE`);
      if (!a) throw notFound('Action');
      await t.execute(sql`UPDATE diagnostic_actions SET owner = COALESCE(${input.owner ?? null}, owner), status = COALESCE(${input.status ?? null}, status), note = COALESCE(${input.note ?? null}, note),
        due_date = CASE WHEN ${input.dueDate !== undefined} THEN ${input.dueDate ?? null}::date ELSE due_date END, updated_by = ${actor.userId}, updated_at = now() WHERE id = ${actionId}`);
      await audit.record({ actor, action: 'diagnostics.action.update', targetType: 'diagnostic_action', targetId: actionId, detail: { assessmentId: id, ...input }, ...meta }, t);
    });
    const found = (await actionsOf(id, (await row(id)).version)).find((x) => x.id === actionId);
    if (!found) throw notFound('Action');
    return found;
  }

  /** The regional picture: the latest completed assessment of each administration that agreed to share it, and no other. */
  async function regional(actor: Principal, filter: { region?: string }, meta: Meta = {}): Promise<RegionalEntry[]> {
    const rows = await database.rows<AssessmentRow>(sql`SELECT DISTINCT ON (a.org_id) ${ASSESSMENT} FROM ${FROM}
      WHERE a.status = 'completed' AND o.country IS NOT NULL ${filter.region ? sql`AND o.region = ${filter.region}` : sql``}
      ORDER BY a.org_id, a.completed_at DESC`);
    // Consent is read on the latest completed assessment: withdrawing it there hides the administration altogether.
    const shared = rows.filter((r) => r.shareWithWco && r.result?.level);
    await audit.record({ actor, action: 'diagnostics.regional.read', targetType: 'diagnostic_regional', targetId: filter.region ?? 'all', detail: { administrations: shared.length }, ...meta });
    return shared
      .map((r) => ({ orgId: r.orgId, orgName: r.orgName, country: r.country!, region: r.region, assessmentId: r.id, completedAt: isoTime(r.completedAt)!, level: r.result!.level!, score: r.result!.score ?? 0, areas: r.result!.areas }))
      .sort((a, b) => a.country.localeCompare(b.country));
  }

  /** What the PDF report needs (the caller audits the export). */
  async function reportData(actor: Principal, id: string, lang?: string) {
    const language = pickLanguage(lang);
    const res = await result(actor, id, language);
    return { result: res, text: rule(res.assessment.version).texts[language], questions: rule(res.assessment.version).questions, language };
  }

  async function recordExport(actor: Principal, id: string, meta: Meta) {
    await audit.record({ actor, action: 'diagnostics.report.export', targetType: 'diagnostic_assessment', targetId: id, ...meta });
  }

  return { list, create, get, saveAnswers, comment, updateSettings, complete, result, updateAction, regional, reportData, recordExport };
}

export type Diagnostics = ReturnType<typeof createDiagnostics>;
