import escapeHtml from 'escape-html';
import type { z } from 'zod';
import type { operationStats } from './cases.ts';
import { label, labelledFields, type FieldValues, type Lookups } from './formatted-fields.ts';
import { RTL_LANGS, word } from './newsletter-text.ts';
import type { Labels, TemplateDefinition, TemplateLang } from './templates-schema.ts';
import type { NewsletterMeta } from './newsletter-view.ts';

export type OperationStats = z.infer<typeof operationStats>;

/** A SEIZURE message as the newsletter keeps it: its fields as sent, read later with the template version it was written with. */
export interface NewsletterSeizure {
  id: string;
  number: string | null;
  sentAt: string;
  senderName: string;
  senderCountry: string | null;
  templateId: string;
  templateVersion: number;
  fields: FieldValues;
  photos: { thumbId: string; name: string }[];
}

/** What a newsletter is built from, archived with it (codes and counts; labels in every language). */
export interface NewsletterData {
  operation: { id: string; code: string; name: string };
  stats: OperationStats;
  /** Messages sent in the period, by template code (null: plain messages). */
  period: { byTemplate: { code: string | null; count: number }[] };
  labels: { templates: Record<string, Labels>; commodity: Record<string, Labels>; precursors: Record<string, Labels> };
  seizures: NewsletterSeizure[];
}

export type RenderMode =
  /** E-mail: inline styles (mail clients drop style sheets), photos by content id, a link to the app. */
  | { kind: 'mail'; cid(thumbId: string): string; appLink: string }
  /** In the app: no inline style or script (a strict content security policy holds), photos by URL. */
  | { kind: 'app'; photoUrl(thumbId: string): string };

export interface RenderInput {
  meta: NewsletterMeta;
  data: NewsletterData;
  lang: TemplateLang;
  /** The template versions the seizures were written with, by `templateId:version`. */
  definitions: Map<string, TemplateDefinition>;
  /** Country and place names in `lang`. */
  look: Lookups;
  mode: RenderMode;
}

/** The SEIZURE fields a newsletter shows, in the template's order; the full message is in the mailbox. */
export const KEY_FIELDS = ['commodity_type', 'precursors', 'seized_at', 'seizure_country', 'location', 'location_type', 'port', 'detection_method', 'technical_device', 'conveyance', 'declared_goods', 'narrative'];

// ---------- markup that escapes by default ----------

/** Markup that is already safe; anything else put into `html` is escaped. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function fragment(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(fragment).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

/**
 * A tagged template for markup: every interpolated value is escaped (text and quoted attribute values
 * alike) unless it is itself the result of `html`. Attribute values must be quoted in the template.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((v, i) => (out += fragment(v) + strings[i + 1]));
  return new Html(out);
}

// ---------- formatting ----------

/** "2026-03-10 07:00" in a time zone (UTC when the zone is unknown). */
export function localTime(iso: string, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  } catch {
    return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  }
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

const num = (n: number, lang: TemplateLang) => new Intl.NumberFormat(lang).format(n);

function duration(seconds: number | null, lang: TemplateLang): string {
  if (seconds === null) return '—';
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${num(h, lang)} ${word('hours', lang)} ${num(m, lang)} ${word('minutes', lang)}` : `${num(m, lang)} ${word('minutes', lang)}`;
}

const fill = (s: string, values: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

// ---------- the newsletter ----------

interface Table {
  title: string;
  head: [string, string];
  rows: [string, string][];
}

interface Model {
  title: string;
  subtitle: string[];
  tables: Table[];
  seizures: { heading: string; lines: [string, string][]; photos: { thumbId: string; name: string }[] }[];
  footer: string;
}

/** What the newsletter says in one language, as text; the HTML and the text part are both drawn from it. */
function model(input: RenderInput): Model {
  const { meta, data, lang, look } = input;
  const stats = data.stats;
  const L = (labels: Labels | undefined, code: string) => (labels ? label(labels, lang) : code);
  const typeName = (code: string | null) => (code === null ? word('plain', lang) : L(data.labels.templates[code], code));
  const countryName = (c: string) => {
    const n = look.country(c);
    return n ? `${n} (${c})` : c;
  };

  const title = `${data.operation.name} — ${word(meta.kind === 'daily' ? 'daily' : 'onDemand', lang)} ${meta.localDay}`;
  const subtitle = [
    `${word('period', lang)}: ${localTime(meta.periodStart, meta.timeZone)} – ${localTime(meta.periodEnd, meta.timeZone)} (${meta.timeZone})`,
    `${word('generated', lang)} ${localTime(meta.generatedAt, meta.timeZone)} (${meta.timeZone})`,
  ];

  const periodTotal = data.period.byTemplate.reduce((s, r) => s + r.count, 0);
  const tables: Table[] = [
    {
      title: `${word('messagesByType', lang)} — ${word('inPeriod', lang)}`,
      head: [word('type', lang), word('count', lang)],
      rows: [...data.period.byTemplate.map((r): [string, string] => [typeName(r.code), num(r.count, lang)]), [word('total', lang), num(periodTotal, lang)]],
    },
    {
      title: `${word('messagesByType', lang)} — ${word('sinceStart', lang)}`,
      head: [word('type', lang), word('count', lang)],
      rows: [
        ...stats.messages.byTemplate.map((r): [string, string] => [typeName(r.code), num(r.count, lang)]),
        ...(stats.messages.plain ? [[word('plain', lang), num(stats.messages.plain, lang)] as [string, string]] : []),
        [word('total', lang), num(stats.messages.total, lang)],
      ],
    },
    {
      title: word('warnings', lang),
      head: [word('warnings', lang), word('count', lang)],
      rows: [
        [word('total', lang), num(stats.warnings.total, lang)],
        [word('openWarnings', lang), num(stats.warnings.open, lang)],
        [word('closedWarnings', lang), num(stats.warnings.closed, lang)],
        [word('answered', lang), num(stats.warnings.answered, lang)],
      ],
    },
    {
      title: word('responseTime', lang),
      head: [word('responseTime', lang), ''],
      rows: [
        [word('answered', lang), num(stats.responseTime.answered, lang)],
        [word('median', lang), duration(stats.responseTime.medianSeconds, lang)],
        [word('mean', lang), duration(stats.responseTime.meanSeconds, lang)],
      ],
    },
    {
      title: word('byCommodity', lang),
      head: [word('type', lang), word('count', lang)],
      rows: [...stats.seizures.byCommodity.map((r): [string, string] => [L(data.labels.commodity[r.code], r.code), num(r.count, lang)]), [word('total', lang), num(stats.seizures.total, lang)]],
    },
    { title: word('byCountry', lang), head: [word('country', lang), word('count', lang)], rows: stats.seizures.byCountry.map((r) => [countryName(r.country), num(r.count, lang)]) },
  ];
  if (stats.seizures.byPrecursor.length)
    tables.push({ title: word('byPrecursor', lang), head: [word('type', lang), word('count', lang)], rows: stats.seizures.byPrecursor.map((r) => [L(data.labels.precursors[r.code], r.code), num(r.count, lang)]) });

  const seizures = data.seizures.map((s) => {
    const def = input.definitions.get(`${s.templateId}:${s.templateVersion}`);
    const fields = def ? labelledFields(def, s.fields, lang, look).flatMap((sec) => sec.fields) : [];
    const byKey = new Map(fields.map((f) => [f.key, f]));
    const commodity = byKey.get('commodity_type')?.display;
    const lines: [string, string][] = [
      [word('sentBy', lang), s.senderCountry ? `${s.senderName} (${countryName(s.senderCountry)})` : s.senderName],
      [word('sentAt', lang), `${localTime(s.sentAt, meta.timeZone)} (${meta.timeZone})`],
    ];
    for (const key of KEY_FIELDS) {
      const f = byKey.get(key);
      if (f?.display) lines.push([f.label, f.display]);
    }
    const route = byKey.get('route');
    if (route?.entries?.length) {
      const legs = route.entries.map((row) => row.find((g) => g.key === 'country')?.display ?? row.find((g) => g.key === 'location')?.display ?? '').filter(Boolean);
      if (legs.length) lines.push([word('route', lang), legs.join(RTL_LANGS.includes(lang) ? ' ← ' : ' → ')]);
    }
    return { heading: [s.number, commodity].filter(Boolean).join(' — '), lines, photos: s.photos };
  });

  return { title, subtitle, tables, seizures, footer: fill(word('confidential', lang), { op: data.operation.name }) };
}

const MAIL_STYLE = {
  body: 'margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#1b1b1b;background:#ffffff',
  h1: 'font-size:20px;margin:0 0 8px 0;color:#0b3d6b',
  h2: 'font-size:16px;margin:20px 0 8px 0;color:#0b3d6b',
  h3: 'font-size:15px;margin:16px 0 6px 0',
  meta: 'margin:0;color:#555555;font-size:13px',
  table: 'border-collapse:collapse;margin:0 0 8px 0;min-width:320px',
  cell: 'border:1px solid #d0d7de;padding:4px 8px;vertical-align:top',
  head: 'border:1px solid #d0d7de;padding:4px 8px;background:#eef3f8;font-weight:bold',
  label: 'border:1px solid #d0d7de;padding:4px 8px;vertical-align:top;color:#555555;white-space:nowrap',
  photo: 'margin:4px;border:1px solid #d0d7de;max-width:240px;height:auto',
  footer: 'margin-top:24px;color:#555555;font-size:12px',
} as const;

/** The newsletter in one language: a subject, an HTML document and its plain-text twin. Every value from users is escaped. */
export function renderNewsletter(input: RenderInput): { subject: string; html: string; text: string } {
  const m = model(input);
  const { lang, mode } = input;
  const dir = RTL_LANGS.includes(lang) ? 'rtl' : 'ltr';
  const mail = mode.kind === 'mail';
  const st = (k: keyof typeof MAIL_STYLE) => (mail ? html` style="${MAIL_STYLE[k]}"` : html``);
  const src = (thumbId: string) => (mode.kind === 'mail' ? `cid:${mode.cid(thumbId)}` : mode.photoUrl(thumbId));

  const tables = m.tables.map(
    (t) => html`<h3${st('h3')}>${t.title}</h3>
<table${st('table')}><thead><tr><th${st('head')}>${t.head[0]}</th><th${st('head')}>${t.head[1]}</th></tr></thead><tbody>
${t.rows.map((r) => html`<tr><td${st('cell')}>${r[0]}</td><td${st('cell')}>${r[1]}</td></tr>\n`)}</tbody></table>\n`,
  );
  const seizures = m.seizures.length
    ? m.seizures.map(
        (s) => html`<section class="seizure">
<h3${st('h3')}>${s.heading}</h3>
<table${st('table')}><tbody>
${s.lines.map(([k, v]) => html`<tr><th scope="row"${st('label')}>${k}</th><td${st('cell')}>${v}</td></tr>\n`)}</tbody></table>
${s.photos.length ? html`<p class="photos">${s.photos.map((p) => html`<img src="${src(p.thumbId)}" alt="${p.name}"${st('photo')}>`)}</p>` : ''}
</section>\n`,
      )
    : html`<p>${word('noSeizures', lang)}</p>`;

  const doc = html`<!DOCTYPE html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${m.title}</title></head>
<body dir="${dir}"${st('body')}>
<h1${st('h1')}>${m.title}</h1>
${m.subtitle.map((line) => html`<p class="meta"${st('meta')}>${line}</p>\n`)}${mode.kind === 'mail' ? html`<p class="meta"${st('meta')}><a href="${mode.appLink}">${word('readInApp', lang)}</a></p>\n` : ''}
<h2${st('h2')}>${word('statistics', lang)}</h2>
${tables}
<h2${st('h2')}>${word('seizuresInPeriod', lang)}</h2>
${seizures}
<p class="footer"${st('footer')}>${m.footer}</p>
</body>
</html>
`;

  const text: string[] = [m.title, '='.repeat(Math.min(m.title.length, 72)), ...m.subtitle];
  if (mode.kind === 'mail') text.push(`${word('readInApp', lang)}: ${mode.appLink}`);
  text.push('', `${word('statistics', lang)}`);
  for (const t of m.tables) {
    text.push('', `== ${t.title} ==`);
    for (const [k, v] of t.rows) text.push(`${k}: ${v}`);
  }
  text.push('', `== ${word('seizuresInPeriod', lang)} ==`);
  if (!m.seizures.length) text.push(word('noSeizures', lang));
  for (const s of m.seizures) {
    text.push('', s.heading);
    for (const [k, v] of s.lines) text.push(`  ${k}: ${v.replace(/\n\s*/g, ' ').trim()}`);
    if (s.photos.length) text.push(`  ${word('photos', lang)}: ${s.photos.map((p) => p.name).join(', ')}`);
  }
  text.push('', m.footer);
  return { subject: `[OpenCEN] ${m.title}`, html: doc.value, text: text.join('\n') };
}
