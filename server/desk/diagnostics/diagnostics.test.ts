import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { signIn } from '../../seizures/testing.ts';
import { questionnaire } from './questionnaire/index.ts';

type Client = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let fr: Client;
let frColleague: Client;
let frViewer: Client;
let ke: Client;
let police: Client;
let i2c: Client;
let rilo: Client;
const BASE = '/api/v1/diagnostics';
const rule = questionnaire('1')!;

/** An answer for every question: "yes", weekly, supported — except those given. */
function fullAnswers(over: Record<string, object> = {}) {
  return rule.questions.map((q) => ({
    questionId: q.id,
    value: q.answer === 'text' ? null : q.answer === 'level' ? 'cooperation' : 'yes',
    frequency: q.asksFrequency ? 'weekly' : null,
    supported: q.asksSupport ? true : null,
    text: q.answer === 'text' ? 'Described in the annex.' : '',
    ...over[q.id],
  }));
}

async function completed(who: Client, title: string, over: Record<string, object> = {}, share = false) {
  const created = await who.client.post(BASE, { title });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  expect((await who.client.put(`${BASE}/${id}/answers`, { answers: fullAnswers(over) })).status).toBe(200);
  const done = await who.client.post(`${BASE}/${id}/complete`, { shareWithWco: share });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { id, result: done.body };
}

const count = async (q: ReturnType<typeof sql>) => (await t.ctx.database.rows<{ n: number }>(q))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  fr = await signIn(t, ['ncp'], { country: 'FR' });
  frColleague = await signIn(t, ['ncp'], { orgId: fr.org.id });
  frViewer = await signIn(t, ['viewer'], { orgId: fr.org.id });
  ke = await signIn(t, ['ncp'], { country: 'KE' });
  police = await signIn(t, ['partner'], { kind: 'partner', country: 'FR' });
  i2c = await signIn(t, ['i2c_officer'], { kind: 'wco', country: 'BE' });
  rilo = await signIn(t, ['rilo_analyst'], { kind: 'rilo', country: 'PL' });
});
afterAll(() => t?.close());

describe('cooperation diagnostic', () => {
  it('serves the questionnaire with its guidance and rule in the language asked', async () => {
    const en = await fr.client.get(`${BASE}/questionnaire`);
    expect(en.status).toBe(200);
    expect(en.body.questions).toHaveLength(rule.questions.length);
    expect(en.body.questions[0]).toMatchObject({ id: 'A.1', area: 'arrangements', answer: 'yes_no_partly', asksSupport: true });
    expect(en.body.rule.thresholds.map((x: { level: string }) => x.level)).toEqual(['coexistence', 'communication', 'cooperation', 'coordination', 'collaboration']);
    const ru = await i2c.client.get(`${BASE}/questionnaire/1?lang=ru`);
    expect(ru.body.levels[2].name).toBe('Сотрудничество');
    expect(ru.body.questions.find((q: { id: string }) => q.id === 'A.14.1').solution).toMatch(/виртуальные/);
    expect((await fr.client.get(`${BASE}/questionnaire/9`)).status).toBe(404);
  });

  it('an NCP starts an assessment, colleagues answer and comment, the score follows; a second draft is refused', async () => {
    const created = await fr.client.post(BASE, { title: 'Diagnostic 2026' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await fr.client.post(BASE, { title: 'Another' })).status).toBe(409);

    const saved = await frColleague.client.put(`${BASE}/${id}/answers`, { answers: [
      { questionId: 'A.1', value: 'yes', supported: false, text: 'A letter of intent, not yet an MOU.' },
      { questionId: 'A.2.1', value: 'partly', supported: false },
      { questionId: 'A.2.2', frequency: 'monthly', text: 'Monthly meeting of the intelligence units.' },
    ] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.answers).toHaveLength(3);
    expect(saved.body.answers.find((a: { questionId: string }) => a.questionId === 'A.1').updatedByName).toBe(frColleague.user.displayName);
    // 2 of 3 points for the arrangements, but no MOU or law behind them: held at communication, and told why.
    expect(saved.body.score.areas.arrangements).toMatchObject({ score: 0.667, band: 'coordination', level: 'communication' });
    expect(saved.body.score.areas.arrangements.cappedBy[0]).toMatchObject({ questionId: 'A.1', part: 'supported', level: 'cooperation' });
    expect(saved.body.score.areas.arrangements.cappedBy[0].reason).toMatch(/MOU/);
    expect(saved.body.score.overall.next.level).toBe('cooperation');
    expect(saved.body.score.answered).toBe(3);

    const comment = await fr.client.post(`${BASE}/${id}/comments`, { questionId: 'A.1', body: 'The MOU is with the ministry for signature.' });
    expect(comment.status).toBe(201);
    const read = await frViewer.client.get(`${BASE}/${id}?lang=fr`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'draft', canEdit: false });
    expect(read.body.comments[0]).toMatchObject({ questionId: 'A.1', authorName: fr.user.displayName });
    expect(read.body.score.areas.arrangements.cappedBy[0].reason).toMatch(/structure formelle/);
    expect((await frViewer.client.put(`${BASE}/${id}/answers`, { answers: [{ questionId: 'A.1', value: 'no' }] })).status).toBe(403);
    expect(((await fr.client.get(BASE)).body.assessments as { id: string }[]).map((a) => a.id)).toContain(id);

    // Clearing an answer removes it.
    const cleared = await fr.client.put(`${BASE}/${id}/answers`, { answers: [{ questionId: 'A.2.2', frequency: null, text: '' }] });
    expect(cleared.body.answers.map((a: { questionId: string }) => a.questionId).sort()).toEqual(['A.1', 'A.2.1']);
  });

  it('refuses answers out of range with a 422 naming the question, and stores none of the batch', async () => {
    const [{ id }] = (await fr.client.get(BASE)).body.assessments.filter((a: { status: string }) => a.status === 'draft');
    const before = (await fr.client.get(`${BASE}/${id}`)).body;
    const auditBefore = await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'diagnostics.answers.save' AND target_id = ${id}`);
    const cases: [object, RegExp][] = [
      [{ questionId: 'A.99', value: 'yes' }, /A\.99: no such question/],
      [{ questionId: 'A.3.1', value: 'sometimes' }, /A\.3\.1: "sometimes" is not one of yes, partly, no/],
      [{ questionId: 'A.3.2', value: 'partly' }, /A\.3\.2: "partly" is not one of yes, no/],
      [{ questionId: 'A.5.1', value: 'yes', frequency: 'daily' }, /A\.5\.1: does not ask how often/],
      [{ questionId: 'A.6', value: 'yes', frequency: 'hourly' }, /A\.6: "hourly" is not one of never/],
      [{ questionId: 'A.5.2', value: 'yes' }, /A\.5\.2: takes free text only/],
      [{ questionId: 'A.19', value: 'yes', supported: true }, /A\.19: does not ask whether an MOU or law/],
      [{ questionId: 'A.18', value: 'friendship' }, /A\.18: "friendship" is not one of coexistence/],
    ];
    for (const [bad, message] of cases) {
      // A good answer in the same batch is not stored either.
      const res = await fr.client.put(`${BASE}/${id}/answers`, { answers: [{ questionId: 'A.4.1', value: 'yes', frequency: 'daily' }, bad] });
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.body.detail).toMatch(/Nothing was saved/);
      expect(res.body.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(message);
      expect(res.body.errors[0].field).toMatch(/^answers\[1\]\./);
    }
    expect((await fr.client.put(`${BASE}/${id}/answers`, { answers: [] })).status).toBe(400);
    expect((await fr.client.put(`${BASE}/${id}/answers`, { answers: [{ questionId: 'A.1', supported: 'maybe' }] })).status).toBe(400);
    expect((await fr.client.post(`${BASE}/${id}/comments`, { questionId: 'B.7', body: 'x' })).status).toBe(422);
    const after = (await fr.client.get(`${BASE}/${id}`)).body;
    expect(after.answers).toEqual(before.answers);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'diagnostics.answers.save' AND target_id = ${id}`)).toBe(auditBefore);
  });

  it("another administration's users can neither open nor change an assessment; partners have no access", async () => {
    const [{ id }] = (await fr.client.get(BASE)).body.assessments;
    const before = (await fr.client.get(`${BASE}/${id}`)).body;
    const other = await ke.client.put(`${BASE}/${id}/answers`, { answers: [{ questionId: 'A.1', value: 'no' }] });
    expect(other.status).toBe(403);
    expect(other.body.detail).toMatch(/another administration/);
    expect((await ke.client.get(`${BASE}/${id}`)).status).toBe(403);
    expect((await ke.client.get(`${BASE}/${id}/result`)).status).toBe(403);
    expect((await ke.client.post(`${BASE}/${id}/comments`, { questionId: 'A.1', body: 'hello' })).status).toBe(403);
    expect((await ke.client.patch(`${BASE}/${id}`, { shareWithWco: true })).status).toBe(403);
    expect((await ke.client.post(`${BASE}/${id}/complete`, {})).status).toBe(403);
    expect((await ke.client.get(`${BASE}/${id}/report.pdf`)).status).toBe(403);
    expect((await police.client.get(BASE)).status).toBe(403);
    expect((await police.client.post(BASE, { title: 'x' })).status).toBe(403);
    expect((await i2c.client.get(`${BASE}/${id}`)).status).toBe(403);
    expect((await fetch(`${t.url}${BASE}`)).status).toBe(401);
    expect((await fr.client.get(`${BASE}/${id}`)).body).toEqual(before);
  });

  it('completing needs every applicable answer; it locks the answers and makes the action plan from the gaps', async () => {
    const [{ id }] = (await fr.client.get(BASE)).body.assessments;
    const early = await fr.client.post(`${BASE}/${id}/complete`, {});
    expect(early.status).toBe(422);
    expect(early.body.detail).toMatch(/A\.3\.1/);
    expect(early.body.errors.map((e: { field: string }) => e.field)).toContain('A.3.1.value');
    expect((await fr.client.get(`${BASE}/${id}`)).body.status).toBe('draft');

    // Training and recognition weak; no MOU or law behind the arrangements.
    const answers = fullAnswers({ 'A.1': { supported: false }, 'A.15.1': { value: 'no', frequency: null }, 'A.16.1': { value: 'partly', frequency: 'ad_hoc' }, 'A.19': { value: 'no' } });
    expect((await fr.client.put(`${BASE}/${id}/answers`, { answers })).status).toBe(200);
    const draftResult = (await fr.client.get(`${BASE}/${id}/result`)).body;
    expect(draftResult.actions.every((a: { id: string | null }) => a.id === null)).toBe(true);
    const done = await fr.client.post(`${BASE}/${id}/complete`, { shareWithWco: false });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const r = done.body;
    expect(r.assessment).toMatchObject({ status: 'completed', shareWithWco: false });
    expect(r.assessment.completedAt).toBeTruthy();
    // The arrangements would score coordination, but without an MOU or law the overall level stops at communication.
    expect(r.score.overall.band).not.toBe('communication');
    expect(r.score.overall.level).toBe('communication');
    expect(r.score.overall.cappedBy.map((g: { questionId: string }) => g.questionId)).toContain('A.1');
    expect(r.score.areas.training.level).toBe('communication');
    expect(r.score.selfRating).toBe('cooperation');
    const gapIds = r.actions.map((a: { questionId: string }) => a.questionId);
    for (const q of ['A.1', 'A.15.1', 'A.16.1', 'A.19', 'A.2.2']) expect(gapIds).toContain(q);
    expect(gapIds).not.toContain('A.5.1'); // answered at its best
    expect(gapIds).not.toContain('A.15.2'); // does not apply after "no"
    expect(r.actions[0]).toMatchObject({ status: 'open', owner: '', dueDate: null });
    expect(r.previous).toBeNull();

    // Locked.
    expect((await fr.client.put(`${BASE}/${id}/answers`, { answers: [{ questionId: 'A.19', value: 'yes' }] })).status).toBe(409);
    expect((await fr.client.post(`${BASE}/${id}/comments`, { questionId: 'A.19', body: 'late' })).status).toBe(409);
    expect((await fr.client.post(`${BASE}/${id}/complete`, {})).status).toBe(409);
    expect((await fr.client.patch(`${BASE}/${id}`, { title: 'Renamed' })).status).toBe(409);

    // The action plan is kept up to date.
    const action = r.actions.find((a: { questionId: string }) => a.questionId === 'A.1');
    const changed = await frColleague.client.patch(`${BASE}/${id}/actions/${action.id}`, { owner: 'Legal directorate', dueDate: '2027-06-30', status: 'in_progress' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ owner: 'Legal directorate', dueDate: '2027-06-30', status: 'in_progress' });
    expect((await fr.client.patch(`${BASE}/${id}/actions/${action.id}`, { status: 'forgotten' })).status).toBe(400);
    expect((await fr.client.patch(`${BASE}/${id}/actions/${action.id}`, { dueDate: '30/06/2027' })).status).toBe(400);
    expect((await ke.client.patch(`${BASE}/${id}/actions/${action.id}`, { owner: 'Someone else' })).status).toBe(403);
    expect((await frViewer.client.patch(`${BASE}/${id}/actions/${action.id}`, { owner: 'Viewer' })).status).toBe(403);
    const kept = (await fr.client.get(`${BASE}/${id}/result`)).body.actions.find((a: { id: string }) => a.id === action.id);
    expect(kept).toMatchObject({ owner: 'Legal directorate', dueDate: '2027-06-30', status: 'in_progress' });
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'diagnostics.complete' AND target_id = ${id}`)).toBe(1);
  });

  it('the next assessment is compared with the previous completed one', async () => {
    const second = await completed(fr, 'Diagnostic 2027', { 'A.15.1': { value: 'yes', frequency: 'monthly' } });
    expect(second.result.previous.assessment.title).toBe('Diagnostic 2026');
    expect(second.result.previous.score.areas.training.level).toBe('communication');
    expect(second.result.score.areas.training.score).toBeGreaterThan(second.result.previous.score.areas.training.score);
  });

  it('the regional picture shows only the administrations that share, to the I2C and RILOs only, and is audited', async () => {
    const shared = await completed(ke, 'Kenya 2026', {}, true);
    const entries = async (who: Client) => {
      const res = await who.client.get(`${BASE}/regional`);
      expect(res.status).toBe(200);
      return res.body.entries as { orgId: string; country: string; level: string; assessmentId: string }[];
    };
    const seen = await entries(i2c);
    expect(seen.map((e) => e.orgId)).toEqual([ke.org.id]);
    expect(seen[0]).toMatchObject({ country: 'KE', assessmentId: shared.id, level: shared.result.score.overall.level });
    expect((await entries(rilo)).map((e) => e.orgId)).toEqual([ke.org.id]);
    // France completed two assessments without sharing: never in the picture.
    expect(seen.some((e) => e.orgId === fr.org.id)).toBe(false);
    expect((await fr.client.get(`${BASE}/regional`)).status).toBe(403);
    expect((await police.client.get(`${BASE}/regional`)).status).toBe(403);

    // Withdrawing consent on the latest completed assessment takes Kenya out.
    expect((await ke.client.patch(`${BASE}/${shared.id}`, { shareWithWco: false })).status).toBe(200);
    expect(await entries(i2c)).toEqual([]);
    expect((await ke.client.patch(`${BASE}/${shared.id}`, { shareWithWco: true })).status).toBe(200);
    expect((await entries(i2c)).map((e) => e.orgId)).toEqual([ke.org.id]);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'diagnostics.regional.read' AND actor_user_id = ${i2c.user.id}`)).toBe(3);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('diagnostics.share.grant', 'diagnostics.share.withdraw') AND target_id = ${shared.id}`)).toBe(2);
  });

  it('exports the result as a PDF, each export audited', async () => {
    const [latest] = (await fr.client.get(BASE)).body.assessments;
    for (const lang of ['fr', 'ur']) {
      const res = await fetch(`${t.url}${BASE}/${latest.id}/report.pdf?lang=${lang}`, { headers: { cookie: fr.client.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toMatch(/cooperation-diagnostic-FR-\d{4}-\d{2}-\d{2}\.pdf/);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(body.length).toBeGreaterThan(5000);
    }
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'diagnostics.report.export' AND target_id = ${latest.id}`)).toBe(2);
  });
});
