import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppContext } from '../platform/context.ts';
import { type Db, execRows } from '../platform/db/database.ts';
import { requirePrincipal, type Principal } from '../platform/http/access.ts';
import { notFound } from '../platform/http/problem.ts';
import { createReferenceService } from '../reference/index.ts';
import type { Cases } from './cases.ts';
import { mentionedCodes, readerLang, type FieldValues, type Lookups } from './formatted-fields.ts';
import { renderNewsletter, type NewsletterData, type NewsletterSeizure, type RenderMode } from './newsletter-render.ts';
import type { NewsletterMeta, NewsletterSummary } from './newsletter-view.ts';
import { MAY, type Meta, type Operations } from './operations.ts';
import { opParams } from './schema.ts';
import { TEMPLATE_LANGS, type Labels, type TemplateDefinition, type TemplateLang } from './templates-schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'jobs' | 'files' | 'mail' | 'log' | 'config'>;
const iso = (v: unknown) => new Date(v as string).toISOString();
const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The job that looks, every quarter of an hour, for operations whose newsletter hour has come. */
export const NEWSLETTER_TICK = 'comm.newsletter.tick';
/** One member's copy of a newsletter, rendered in the member's language when it is sent. */
export const NEWSLETTER_MAIL = 'comm.newsletter.mail';
/** Photos shown per seizure and per newsletter (thumbnails, inline in every member's e-mail). */
const PHOTOS_PER_SEIZURE = 3;
const PHOTOS_PER_NEWSLETTER = 30;
const THUMB_PX = 480;
/** A daily newsletter covers the time since the previous one, but never more than this. */
const MAX_PERIOD_MS = 7 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

// The type is NewsletterSummary of newsletter-view.ts, which the web app imports; `satisfies` keeps the schema in step with it.
export const newsletterSummary = z.object({
  id: z.uuid(),
  kind: z.enum(['daily', 'on_demand']).describe('daily: made by the scheduled job; on_demand: asked for by the OCU'),
  localDay: z.string().describe("the day in the operation's newsletter time zone, YYYY-MM-DD"),
  timeZone: z.string(),
  periodStart: z.string().describe('the SEIZURE messages sent from here…'),
  periodEnd: z.string().describe('…to here are in it'),
  generatedAt: z.string(),
  generatedBy: z.string().nullable().describe('who asked for it (null: the daily job)'),
  recipients: z.number().describe('members it was mailed to'),
  seizures: z.number(),
}) satisfies z.ZodType<NewsletterSummary>;
export const newsletterQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(30),
});
const newsletterParams = opParams.extend({ newsletterId: z.uuid('must be a UUID') });
const photoParams = newsletterParams.extend({ photoId: z.uuid('must be a UUID') });

/** The local calendar day and hour of an instant in a time zone, or null for a zone the runtime does not know. */
export function localDayHour(at: Date, timeZone: string): { day: string; hour: number } | null {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at);
    const p = (t: string) => parts.find((x) => x.type === t)!.value;
    return { day: `${p('year')}-${p('month')}-${p('day')}`, hour: Number(p('hour')) };
  } catch {
    return null;
  }
}

/**
 * Newsletters: what happened in an operation (statistics, the SEIZURE messages of the period with their
 * photos), made each day at the operation's newsletter hour in its time zone, or on demand by the OCU;
 * mailed to every member in the member's language and kept in the operation's archive.
 */
export function createNewsletters(ctx: Ctx, operations: Operations, cases: Cases) {
  const { database, files, audit } = ctx;
  const reference = createReferenceService(database);

  /** The data a newsletter is built from: read before its transaction, archived with it. */
  async function collect(opId: string, start: Date, end: Date): Promise<{ data: NewsletterData; photos: { messageId: string; fileId: string; name: string }[] }> {
    const [op] = await database.rows<{ id: string; code: string; name: string }>(sql`SELECT id, code, name FROM comm_operations WHERE id = ${opId}`);
    if (!op) throw notFound('Operation');
    const range = sql`m.sent_at >= ${start.toISOString()}::timestamptz AND m.sent_at < ${end.toISOString()}::timestamptz`;
    const [stats, tpls, byTemplate, rows] = await Promise.all([
      cases.statsFor(opId, 'en'),
      database.rows<{ code: string; names: unknown; definition: unknown }>(sql`SELECT code, names, definition FROM comm_templates WHERE operation_id = ${opId}`),
      database.rows<{ code: string | null; count: number }>(sql`SELECT t.code, count(*)::int AS count FROM comm_messages m LEFT JOIN comm_templates t ON t.id = m.template_id
        WHERE m.operation_id = ${opId} AND m.status = 'sent' AND ${range} GROUP BY t.code ORDER BY count(*) DESC, t.code`),
      database.rows<Record<string, unknown>>(sql`SELECT m.id, m.number, m.sent_at AS "sentAt", su.display_name AS "senderName", so.country::text AS "senderCountry",
          m.template_id AS "templateId", m.template_version AS "templateVersion", m.fields
        FROM comm_messages m JOIN comm_templates t ON t.id = m.template_id AND t.code = 'SEIZURE'
        JOIN identity_users su ON su.id = m.sender_id JOIN identity_organisations so ON so.id = su.org_id
        WHERE m.operation_id = ${opId} AND m.status = 'sent' AND ${range} ORDER BY m.sent_at, m.number`),
    ]);
    const images = rows.length
      ? await database.rows<{ messageId: string; fileId: string; name: string }>(sql`SELECT a.message_id AS "messageId", f.id AS "fileId", f.name
          FROM comm_attachments a JOIN files f ON f.id = a.file_id
          WHERE a.message_id IN (${sql.join(rows.map((r) => sql`${r.id as string}::uuid`), sql`, `)}) AND f.mime IN ('image/jpeg', 'image/png')
          ORDER BY a.message_id, a.position`)
      : [];
    const chosen: typeof images = [];
    for (const r of rows) chosen.push(...images.filter((i) => i.messageId === r.id).slice(0, PHOTOS_PER_SEIZURE));

    const labels: NewsletterData['labels'] = { templates: {}, commodity: {}, precursors: {} };
    for (const t of tpls) {
      labels.templates[t.code] = json<Labels>(t.names);
      if (t.code !== 'SEIZURE') continue;
      for (const f of json<TemplateDefinition>(t.definition).sections.flatMap((s) => s.fields)) {
        const into = f.key === 'commodity_type' ? labels.commodity : f.key === 'precursors' ? labels.precursors : null;
        if (into && (f.type === 'select' || f.type === 'multi_select')) for (const o of f.options) into[o.code] = o.labels;
      }
    }
    const seizures: NewsletterSeizure[] = rows.map((r) => ({
      id: r.id as string,
      number: (r.number as string | null) ?? null,
      sentAt: iso(r.sentAt),
      senderName: r.senderName as string,
      senderCountry: (r.senderCountry as string | null) ?? null,
      templateId: r.templateId as string,
      templateVersion: r.templateVersion as number,
      fields: json<FieldValues>(r.fields),
      photos: [],
    }));
    return { data: { operation: op, stats, period: { byTemplate }, labels, seizures }, photos: chosen.slice(0, PHOTOS_PER_NEWSLETTER) };
  }

  /** JPEG thumbnails of the chosen photos; a photo that cannot be read is left out, not fatal. */
  async function thumbnails(photos: { messageId: string; fileId: string; name: string }[]) {
    const out: { messageId: string; fileId: string; name: string; data: Buffer }[] = [];
    for (const p of photos) {
      const f = await files.get(p.fileId);
      if (!f) continue;
      try {
        const data = await sharp(f.data).rotate().resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 75 }).toBuffer();
        out.push({ ...p, data });
      } catch (err) {
        ctx.log.warn({ err, fileId: p.fileId }, 'newsletter: a seizure photo could not be read; left out');
      }
    }
    return out;
  }

  /** Where the period of a new newsletter starts: the end of the last daily one, at most a week back, or a day back. */
  async function periodStart(tx: Db, opId: string, end: Date): Promise<Date> {
    const [last] = await execRows<{ end: string | Date }>(tx, sql`SELECT period_end AS end FROM comm_newsletters WHERE operation_id = ${opId} AND kind = 'daily' ORDER BY period_end DESC LIMIT 1`);
    const lastEnd = last ? new Date(last.end) : null;
    return lastEnd && lastEnd < end && end.getTime() - lastEnd.getTime() <= MAX_PERIOD_MS ? lastEnd : new Date(end.getTime() - DAY_MS);
  }

  /**
   * Makes a newsletter, archives it and queues one mail per member, in one transaction. A daily one is
   * made once per operation and local day: if another node made it first, nothing is done and null is answered.
   */
  async function generate(opId: string, opts: { kind: 'daily' | 'on_demand'; now: Date; by?: Principal; meta?: Meta }): Promise<string | null> {
    const [op] = await database.rows<{ tz: string }>(sql`SELECT newsletter_time_zone AS tz FROM comm_operations WHERE id = ${opId}`);
    if (!op) throw notFound('Operation');
    const local = localDayHour(opts.now, op.tz) ?? localDayHour(opts.now, 'UTC')!;
    const end = opts.now;
    const start = await periodStart(database.db, opId, end);
    const { data, photos } = await collect(opId, start, end);
    const thumbs = await thumbnails(photos);

    return database.db.transaction(async (tx) => {
      const [row] = await execRows<{ id: string }>(tx, sql`INSERT INTO comm_newsletters (operation_id, kind, local_day, time_zone, period_start, period_end, generated_at, generated_by, data)
        VALUES (${opId}, ${opts.kind}, ${local.day}::date, ${op.tz}, ${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz,
          ${opts.by?.userId ?? null}, ${JSON.stringify(data)}::jsonb)
        ON CONFLICT (operation_id, local_day) WHERE kind = 'daily' DO NOTHING RETURNING id`);
      if (!row) return null;
      for (const [i, th] of thumbs.entries()) {
        const stored = await files.put({ name: th.name.replace(/\.[^.]*$/, '') + '-thumb.jpg', data: th.data }, tx);
        await tx.execute(sql`INSERT INTO comm_newsletter_photos (newsletter_id, thumb_file_id, message_id, source_file_id, position)
          VALUES (${row.id}, ${stored.id}, ${th.messageId}, ${th.fileId}, ${i})`);
        data.seizures.find((s) => s.id === th.messageId)?.photos.push({ thumbId: stored.id, name: th.name });
      }
      const members = await execRows<{ id: string }>(tx, sql`SELECT u.id FROM comm_members m JOIN identity_users u ON u.id = m.user_id
        WHERE m.operation_id = ${opId} AND NOT u.disabled AND NOT u.system AND u.email <> '' ORDER BY u.id`);
      await tx.execute(sql`UPDATE comm_newsletters SET data = ${JSON.stringify(data)}::jsonb, recipients = ${members.length} WHERE id = ${row.id}`);
      // One job per member: each mail is rendered in its reader's language when sent, and retried on its own.
      for (const m of members) await ctx.jobs.enqueue(NEWSLETTER_MAIL, { newsletterId: row.id, userId: m.id }, { dedupeKey: `newsletter:${row.id}:${m.id}` }, tx);
      await audit.record(
        { actor: opts.by ?? null, action: 'comm.newsletter.generate', targetType: 'operation', targetId: opId, detail: { newsletterId: row.id, kind: opts.kind, seizures: data.seizures.length, recipients: members.length }, ...opts.meta },
        tx,
      );
      return row.id;
    });
  }

  /**
   * The scheduled job: every active operation whose newsletter hour has come in its time zone, and that
   * has no daily newsletter for that local day yet, gets one. Settings are read at each run, so a changed
   * hour or zone takes effect the same day; the unique (operation, local day) row keeps it to one.
   */
  async function runDue(now: Date): Promise<string[]> {
    const ops = await database.rows<{ id: string; hour: number; tz: string; last: string | Date | null }>(sql`SELECT o.id, o.newsletter_hour AS hour, o.newsletter_time_zone AS tz,
        (SELECT max(n.local_day) FROM comm_newsletters n WHERE n.operation_id = o.id AND n.kind = 'daily') AS last
      FROM comm_operations o WHERE o.status = 'active' ORDER BY o.id`);
    const made: string[] = [];
    for (const o of ops) {
      const local = localDayHour(now, o.tz);
      if (!local) {
        ctx.log.warn({ operationId: o.id, timeZone: o.tz }, 'newsletter: unknown time zone; no daily newsletter');
        continue;
      }
      if (local.hour < o.hour || (o.last !== null && day(o.last) >= local.day)) continue;
      try {
        const id = await generate(o.id, { kind: 'daily', now });
        if (id) made.push(id);
      } catch (err) {
        ctx.log.error({ err, operationId: o.id }, 'newsletter: could not make the daily newsletter');
      }
    }
    return made;
  }

  async function generateOnDemand(p: Principal, opId: string, meta: Meta = {}): Promise<NewsletterSummary> {
    await operations.requireMember(p, opId, MAY.seeEverything);
    const id = (await generate(opId, { kind: 'on_demand', now: new Date(), by: p, meta }))!;
    return (await summaries(opId, { id }))[0];
  }

  async function summaries(opId: string, q: { id?: string; page?: number; pageSize?: number }): Promise<NewsletterSummary[]> {
    const pageSize = q.pageSize ?? 30;
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT n.id, n.kind, n.local_day AS "localDay", n.time_zone AS "timeZone", n.period_start AS "periodStart",
        n.period_end AS "periodEnd", n.generated_at AS "generatedAt", u.display_name AS "generatedBy", n.recipients,
        jsonb_array_length(n.data->'seizures') AS seizures
      FROM comm_newsletters n LEFT JOIN identity_users u ON u.id = n.generated_by
      WHERE n.operation_id = ${opId} ${q.id ? sql`AND n.id = ${q.id}` : sql``}
      ORDER BY n.generated_at DESC, n.id LIMIT ${pageSize} OFFSET ${((q.page ?? 1) - 1) * pageSize}`);
    return rows.map((r) => ({
      ...(r as unknown as NewsletterSummary),
      localDay: day(r.localDay),
      periodStart: iso(r.periodStart),
      periodEnd: iso(r.periodEnd),
      generatedAt: iso(r.generatedAt),
      generatedBy: (r.generatedBy as string | null) ?? null,
      seizures: Number(r.seizures),
    }));
  }

  async function list(p: Principal, opId: string, q: z.infer<typeof newsletterQuery>) {
    await operations.requireMember(p, opId);
    const [{ n }] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM comm_newsletters WHERE operation_id = ${opId}`);
    return { items: await summaries(opId, q), total: n, page: q.page, pageSize: q.pageSize };
  }

  async function load(opId: string, id: string) {
    const [r] = await database.rows<Record<string, unknown>>(sql`SELECT kind, local_day, time_zone, period_start, period_end, generated_at, data
      FROM comm_newsletters WHERE id = ${id} AND operation_id = ${opId}`);
    if (!r) return null;
    const meta: NewsletterMeta = {
      kind: r.kind as NewsletterMeta['kind'],
      localDay: day(r.local_day),
      timeZone: r.time_zone as string,
      periodStart: iso(r.period_start),
      periodEnd: iso(r.period_end),
      generatedAt: iso(r.generated_at),
    };
    return { meta, data: json<NewsletterData>(r.data) };
  }

  /** The template versions the seizures were written with, and the names of the countries and places they mention, in one language. */
  async function readingAids(data: NewsletterData, lang: TemplateLang): Promise<{ definitions: Map<string, TemplateDefinition>; look: Lookups }> {
    const definitions = new Map<string, TemplateDefinition>();
    for (const key of new Set(data.seizures.map((s) => `${s.templateId}:${s.templateVersion}`))) {
      const [templateId, version] = key.split(':');
      const [v] = await database.rows<{ definition: unknown }>(sql`SELECT definition FROM comm_template_versions WHERE template_id = ${templateId} AND version = ${Number(version)}`);
      if (v) definitions.set(key, json<TemplateDefinition>(v.definition));
    }
    const countries = new Set<string>([...data.stats.seizures.byCountry.map((c) => c.country), ...data.seizures.flatMap((s) => (s.senderCountry ? [s.senderCountry] : []))]);
    const locodes = new Set<string>();
    for (const s of data.seizures) {
      const def = definitions.get(`${s.templateId}:${s.templateVersion}`);
      if (!def) continue;
      const m = mentionedCodes(def, s.fields);
      m.countries.forEach((c) => countries.add(c));
      m.locodes.forEach((c) => locodes.add(c));
    }
    const names = new Map<string, string>();
    await Promise.all([
      ...[...countries].map(async (c) => names.set(`c:${c}`, (await reference.get('countries', c, lang))?.label ?? c)),
      ...[...locodes].map(async (c) => names.set(`l:${c}`, (await reference.get('locodes', c, lang))?.label ?? c)),
    ]);
    return { definitions, look: { country: (c) => names.get(`c:${c}`), locode: (c) => names.get(`l:${c}`) } };
  }

  const appPath = (opId: string, id: string) => `/operations/${opId}/newsletters/${id}`;

  /** A newsletter as HTML for a member: in the member's language (or the one asked for), photos by URL. */
  async function read(p: Principal, opId: string, id: string, lang?: string) {
    await operations.requireMember(p, opId);
    const n = await load(opId, id);
    if (!n) throw notFound('Newsletter');
    const [u] = await database.rows<{ language: string }>(sql`SELECT language FROM identity_users WHERE id = ${p.userId}`);
    const l = readerLang(lang ?? u?.language);
    const aids = await readingAids(n.data, l);
    const base = `/api/v1/operations/${encodeURIComponent(opId)}/newsletters/${encodeURIComponent(id)}/photos/`;
    return renderNewsletter({ ...n, lang: l, ...aids, mode: { kind: 'app', photoUrl: (thumbId) => base + encodeURIComponent(thumbId) } });
  }

  async function photo(p: Principal, opId: string, id: string, thumbId: string) {
    await operations.requireMember(p, opId);
    const [row] = await database.rows(sql`SELECT 1 FROM comm_newsletter_photos ph JOIN comm_newsletters n ON n.id = ph.newsletter_id
      WHERE ph.newsletter_id = ${id} AND ph.thumb_file_id = ${thumbId} AND n.operation_id = ${opId}`);
    const f = row ? await files.get(thumbId) : null;
    if (!f) throw notFound('Photo');
    return f;
  }

  /** The mail job: one member's copy in the member's language, photos inline. A member removed since gets nothing. */
  async function mailOne(newsletterId: string, userId: string): Promise<boolean> {
    const [u] = await database.rows<{ email: string; language: string; opId: string }>(sql`SELECT u.email, u.language, n.operation_id AS "opId"
      FROM comm_newsletters n JOIN comm_members m ON m.operation_id = n.operation_id AND m.user_id = ${userId}
      JOIN identity_users u ON u.id = m.user_id WHERE n.id = ${newsletterId} AND NOT u.disabled`);
    if (!u) return false;
    const n = (await load(u.opId, newsletterId))!;
    const lang = readerLang(u.language);
    const aids = await readingAids(n.data, lang);
    const thumbs = n.data.seizures.flatMap((s) => s.photos);
    const cid = (thumbId: string) => `${thumbId}@newsletter.opencen`;
    const appLink = `${ctx.config.publicUrl.replace(/\/$/, '')}${appPath(u.opId, newsletterId)}`;
    const mode: RenderMode = { kind: 'mail', cid, appLink };
    const rendered = renderNewsletter({ ...n, lang, ...aids, mode });
    const inline = [];
    for (const t of thumbs) {
      const f = await files.get(t.thumbId);
      if (f) inline.push({ cid: cid(t.thumbId), filename: f.file.name, contentType: 'image/jpeg', contentBase64: f.data.toString('base64') });
    }
    await ctx.mail.send({ to: u.email, subject: rendered.subject, text: rendered.text, html: rendered.html, inline });
    return true;
  }

  /** Registers the job handlers and the schedule (the module's `jobs` hook calls it). */
  async function registerJobs() {
    ctx.jobs.handle(NEWSLETTER_TICK, async () => void (await runDue(new Date())), { maxAttempts: 1 });
    ctx.jobs.handle(
      NEWSLETTER_MAIL,
      async (payload) => {
        const { newsletterId, userId } = payload as { newsletterId: string; userId: string };
        await mailOne(newsletterId, userId);
      },
      { maxAttempts: 8 },
    );
    // Every quarter of an hour, so that zones a half or three quarters of an hour off UTC (Kabul, Delhi, Kathmandu) are served on time.
    await ctx.jobs.schedule(NEWSLETTER_TICK, '*/15 * * * *', NEWSLETTER_TICK);
  }

  return { generate, generateOnDemand, runDue, list, read, photo, mailOne, registerJobs };
}

export type Newsletters = ReturnType<typeof createNewsletters>;

const tags = ['operations'];
const OP = '/api/v1/operations/:opId';
/** Markup with no script, style or frame: only images from the app itself. */
const NEWSLETTER_CSP = "default-src 'none'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Registered inside the operation scope of routes.ts, behind its membership gate. */
export function registerNewsletterRoutes(scope: App, newsletters: Newsletters) {
  scope.get(
    `${OP}/newsletters`,
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The newsletter archive of the operation, newest first', params: opParams, querystring: newsletterQuery, response: { 200: z.object({ items: z.array(newsletterSummary), total: z.number(), page: z.number(), pageSize: z.number() }) } },
    },
    async (r) => newsletters.list(requirePrincipal(r), r.params.opId, r.query),
  );
  scope.post(
    `${OP}/newsletters`,
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Make a newsletter now and mail it to every member (OCU, OCU+)', params: opParams, response: { 201: newsletterSummary } } },
    async (r, reply) => reply.status(201).send(await newsletters.generateOnDemand(requirePrincipal(r), r.params.opId, { ip: r.ip, requestId: r.id })),
  );
  scope.get(
    `${OP}/newsletters/:newsletterId`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One newsletter as an HTML document (text/html) in my language, or the one asked for; photos by URL',
        params: newsletterParams,
        querystring: z.object({ lang: z.enum(TEMPLATE_LANGS).optional().describe('default: my language') }),
        produces: ['text/html'],
      },
    },
    async (r, reply) => {
      const { html } = await newsletters.read(requirePrincipal(r), r.params.opId, r.params.newsletterId, r.query.lang);
      return reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', NEWSLETTER_CSP).header('cache-control', 'private, no-store').send(html);
    },
  );
  scope.get(
    `${OP}/newsletters/:newsletterId/photos/:photoId`,
    { config: { access: 'authenticated' }, schema: { tags, summary: 'A seizure photo of a newsletter (JPEG thumbnail)', params: photoParams, produces: ['image/jpeg'] } },
    async (r, reply) => {
      const { data } = await newsletters.photo(requirePrincipal(r), r.params.opId, r.params.newsletterId, r.params.photoId);
      return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, max-age=86400').send(data);
    },
  );
}
