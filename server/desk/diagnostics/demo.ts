import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import type { Principal, Role } from '../../platform/http/access.ts';
import { findOrganisationByShortName, findUserIdByUsername } from '../../identity/index.ts';
import type { DeskServices } from '../module.ts';
import { CURRENT_VERSION, questionnaire } from './questionnaire/index.ts';
import type { AnswerBody } from './schema.ts';

async function principal(ctx: Pick<AppContext, 'database'>, username: string, org: string, roles: Role[]): Promise<Principal | null> {
  const userId = await findUserIdByUsername(ctx.database, username);
  const o = await findOrganisationByShortName(ctx.database, org);
  return userId && o ? { userId, orgId: o.id, roles, via: 'session', secondFactorPending: false } : null;
}

type Given = Partial<Omit<AnswerBody, 'questionId'>>;

/** Every question answered from a small table of exceptions; the rest "partly" ("no" where only yes or no is asked), monthly, not backed by an MOU. */
function answers(given: Record<string, Given>, base: Given = { value: 'partly', frequency: 'monthly', supported: false }): AnswerBody[] {
  return questionnaire(CURRENT_VERSION)!.questions.map((q) => {
    const g = given[q.id] ?? {};
    return {
      questionId: q.id,
      value: g.value !== undefined ? g.value : q.answer === 'text' ? null : q.answer === 'level' ? 'cooperation' : q.answer === 'yes_no' && base.value === 'partly' ? 'no' : (base.value ?? null),
      frequency: q.asksFrequency ? (g.frequency !== undefined ? g.frequency : (base.frequency ?? null)) : null,
      supported: q.asksSupport ? (g.supported !== undefined ? g.supported : (base.supported ?? null)) : null,
      text: g.text ?? '',
    };
  });
}

// Kenya a year ago: a letter of intent, monthly meetings, little shared.
const KENYA_BEFORE: Record<string, Given> = {
  'A.1': { value: 'partly', supported: false, text: 'A letter of intent between KRA Customs and the National Police Service; no MOU yet.' },
  'A.2.1': { value: 'partly', supported: false },
  'A.2.2': { frequency: 'monthly', text: 'Monthly meeting of the intelligence units; urgent matters by telephone.' },
  'A.4.1': { value: 'partly', frequency: 'ad_hoc' },
  'A.13': { value: 'no' },
  'A.14.1': { value: 'no' },
  'A.15.1': { value: 'no' },
  'A.16.1': { value: 'partly', frequency: 'ad_hoc' },
  'A.17': { text: 'Overlapping mandates on wildlife trafficking at JKIA; cases referred late.' },
  'A.18': { value: 'communication' },
  'A.19': { value: 'no' },
};
// Kenya now: an MOU signed, a joint targeting centre at JKIA, weekly exchange.
const KENYA_NOW: Record<string, Given> = {
  'A.1': { value: 'yes', supported: true, text: 'MOU between KRA Customs and the National Police Service signed in March.' },
  'A.2.1': { value: 'yes', supported: true },
  'A.2.2': { frequency: 'weekly', text: 'Weekly exchange through the JKIA joint targeting centre; daily for flights at risk.' },
  'A.3.1': { value: 'yes', frequency: 'weekly' },
  'A.3.2': { value: 'yes' },
  'A.4.1': { value: 'yes', frequency: 'weekly' },
  'A.4.2': { value: 'yes' },
  'A.5.1': { value: 'yes' },
  'A.6': { value: 'partly', frequency: 'monthly' },
  'A.9': { value: 'no' },
  'A.10': { value: 'no' },
  'A.13': { value: 'partly', frequency: 'ad_hoc' },
  'A.14.1': { value: 'partly', supported: true },
  'A.14.2': { text: 'Two police officers work in the JKIA targeting centre.' },
  'A.15.1': { value: 'yes', frequency: 'monthly' },
  'A.15.2': { text: 'CITES species identification, ivory and pangolin scales.' },
  'A.17': { text: 'Forensic results on wildlife products take weeks; informants are not shared.' },
  'A.18': { value: 'cooperation' },
  'A.19': { value: 'partly' },
};
// Brazil: close cooperation at the ports.
const BRAZIL: Record<string, Given> = {
  'A.1': { value: 'yes', supported: true }, 'A.2.1': { value: 'yes', supported: true }, 'A.2.2': { frequency: 'daily' }, 'A.3.1': { value: 'yes', frequency: 'daily' },
  'A.3.2': { value: 'yes' }, 'A.4.1': { value: 'yes', frequency: 'daily' }, 'A.4.2': { value: 'yes' }, 'A.5.1': { value: 'yes' }, 'A.6': { value: 'yes', frequency: 'weekly' },
  'A.13': { value: 'yes', frequency: 'weekly' }, 'A.14.1': { value: 'yes', supported: true }, 'A.18': { value: 'coordination' },
};

/**
 * Diagnostics of the demo: Kenya's two completed assessments (a year apart, shared with the WCO and RILOs, so the
 * comparison and the regional map have something to show), Brazil's (shared), Belgium's (completed, not shared:
 * never on the map) and France's in progress.
 */
export async function seedDiagnosticsDemo(ctx: Pick<AppContext, 'database'>, services: DeskServices, log: (m: string) => void) {
  const [{ n }] = await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM diagnostic_assessments`);
  if (n > 0) return;
  const d = services.diagnostics;
  const kenya = await principal(ctx, 'ncp.kenya', 'KE-CUSTOMS', ['ncp']);
  const brazil = await principal(ctx, 'ncp.brazil', 'BR-CUSTOMS', ['ncp']);
  const france = await principal(ctx, 'ncp.france', 'FR-CUSTOMS', ['ncp']);
  const belgium = await principal(ctx, 'admin', 'BE-CUSTOMS', ['admin']);
  let made = 0;

  const completeOne = async (who: Principal, title: string, given: Record<string, Given>, share: boolean, monthsAgo: number) => {
    const id = await d.create(who, { title });
    await d.saveAnswers(who, id, answers(given));
    await d.complete(who, id, { shareWithWco: share });
    if (monthsAgo) {
      await ctx.database.rows(sql`UPDATE diagnostic_assessments SET created_at = now() - make_interval(months => ${monthsAgo}, days => 14),
        updated_at = now() - make_interval(months => ${monthsAgo}), completed_at = now() - make_interval(months => ${monthsAgo}) WHERE id = ${id}`);
    }
    made++;
    return id;
  };

  if (kenya) {
    await completeOne(kenya, 'Customs–police diagnostic, first round', KENYA_BEFORE, true, 12);
    const id = await completeOne(kenya, 'Customs–police diagnostic, after the MOU', KENYA_NOW, true, 0);
    // Part of the action plan already in hand.
    await ctx.database.rows(sql`UPDATE diagnostic_actions SET owner = 'Head, Customs Intelligence Unit', due_date = (now() + interval '3 months')::date, status = 'in_progress'
      WHERE assessment_id = ${id} AND question_id IN ('A.6', 'A.13')`);
    await ctx.database.rows(sql`UPDATE diagnostic_actions SET owner = 'Training academy, Mombasa', due_date = (now() + interval '6 months')::date WHERE assessment_id = ${id} AND question_id = 'A.16.1'`);
  }
  if (brazil) await completeOne(brazil, 'Diagnóstico da cooperação alfândega–polícia', BRAZIL, true, 2);
  if (belgium) await completeOne(belgium, 'Diagnostic douane–police', {}, false, 1);
  if (france) {
    const id = await d.create(france, { title: 'Diagnostic de la coopération douane–police 2026' });
    await d.saveAnswers(france, id, [
      { questionId: 'A.1', value: 'yes', frequency: null, supported: true, text: 'Protocole douane–police nationale de 2019, révisé en 2024.' },
      { questionId: 'A.2.1', value: 'yes', frequency: null, supported: true, text: '' },
      { questionId: 'A.2.2', value: null, frequency: 'daily', supported: null, text: 'Échanges quotidiens entre la DNRED et l’OFAST.' },
      { questionId: 'A.3.1', value: 'partly', frequency: 'monthly', supported: null, text: '' },
    ]);
    await d.comment(france, id, { questionId: 'A.3.1', body: 'À confirmer avec la cellule de ciblage de Roissy avant de répondre « oui ».' });
    made++;
  }
  log(`desk: ${made} cooperation diagnostics`);
}
