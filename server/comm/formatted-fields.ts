import type { FieldError } from '../platform/http/problem.ts';
import type { ReferenceSets } from '../reference/index.ts';
import type { RenderedField, RenderedSection } from './formatted-view.ts';
import { TEMPLATE_LANGS, type GroupField, type Labels, type LeafField, type TemplateDefinition, type TemplateField, type TemplateLang } from './templates-schema.ts';

export type FieldValues = Record<string, unknown>;
export type Place = { locode: string } | { text: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface CheckResult {
  /** The values as stored: trimmed, codes upper-cased, dates normalised; empty values dropped. */
  values: FieldValues;
  errors: FieldError[];
  /** Attachment file ids with the path that named each, to check they are the author's uploads. */
  attachments: { id: string; path: string }[];
}

/** True for a day that exists (no 30 February). */
function calendarDay(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Checks a message's fields against its template: each value has its field's type, every key is a field
 * of the template, required fields are filled (not for drafts) and codes exist in the reference data.
 * Every problem is reported with its path, e.g. `body.fields.route.0.country`.
 */
export function checkFields(def: TemplateDefinition, input: unknown, sets: ReferenceSets, opts: { draft: boolean; path?: string }): CheckResult {
  const base = opts.path ?? 'body.fields';
  const errors: FieldError[] = [];
  const attachments: CheckResult['attachments'] = [];
  const values: FieldValues = {};
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { values, attachments, errors: [{ field: base, message: 'must be an object of field values by key' }] };
  }
  const given = input as Record<string, unknown>;
  const fields = new Map(def.sections.flatMap((s) => s.fields).map((f) => [f.key, f]));
  for (const k of Object.keys(given)) if (!fields.has(k)) errors.push({ field: `${base}.${k}`, message: 'is not a field of this template' });
  for (const f of fields.values()) {
    const v = given[f.key];
    const path = `${base}.${f.key}`;
    if (isEmpty(v)) {
      if (f.required && !opts.draft) errors.push({ field: path, message: 'is required' });
      else if (f.type === 'group' && f.minItems > 0 && !opts.draft) errors.push({ field: path, message: `needs at least ${f.minItems} entries` });
      continue;
    }
    const out = f.type === 'group' ? checkGroup(f, v, path, sets, opts.draft, errors, attachments) : checkLeaf(f, v, path, sets, errors, attachments);
    if (out !== undefined) values[f.key] = out;
  }
  const files = attachments.length;
  if (files > 10) errors.push({ field: base, message: `at most 10 attachments in one message (${files} given)` });
  return { values, errors, attachments };
}

function checkGroup(f: GroupField, v: unknown, path: string, sets: ReferenceSets, draft: boolean, errors: FieldError[], attachments: CheckResult['attachments']) {
  if (!Array.isArray(v)) {
    errors.push({ field: path, message: 'must be a list of entries' });
    return undefined;
  }
  if (v.length > f.maxItems) errors.push({ field: path, message: `at most ${f.maxItems} entries` });
  if (!draft && v.length < f.minItems) errors.push({ field: path, message: `needs at least ${f.minItems} entries` });
  const subs = new Map(f.fields.map((s) => [s.key, s]));
  return v.map((entry, i) => {
    const at = `${path}.${i}`;
    const row: FieldValues = {};
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      errors.push({ field: at, message: 'must be an object of field values by key' });
      return row;
    }
    const e = entry as Record<string, unknown>;
    for (const k of Object.keys(e)) if (!subs.has(k)) errors.push({ field: `${at}.${k}`, message: 'is not a field of this group' });
    for (const s of subs.values()) {
      const sv = e[s.key];
      if (isEmpty(sv)) {
        if (s.required && !draft) errors.push({ field: `${at}.${s.key}`, message: 'is required' });
        continue;
      }
      const out = checkLeaf(s, sv, `${at}.${s.key}`, sets, errors, attachments);
      if (out !== undefined) row[s.key] = out;
    }
    return row;
  });
}

function checkLeaf(f: LeafField, v: unknown, path: string, sets: ReferenceSets, errors: FieldError[], attachments: CheckResult['attachments']): unknown {
  const fail = (message: string, at = path) => {
    errors.push({ field: at, message });
    return undefined;
  };
  switch (f.type) {
    case 'text':
    case 'textarea': {
      if (typeof v !== 'string') return fail('must be text');
      const s = f.type === 'text' ? v.trim() : v.replace(/\s+$/, '');
      if (s.length > f.maxLength) return fail(`must be at most ${f.maxLength} characters`);
      return s;
    }
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail('must be a number');
      if (f.integer && !Number.isInteger(v)) return fail('must be a whole number');
      if (f.min !== undefined && v < f.min) return fail(`must be at least ${f.min}`);
      if (f.max !== undefined && v > f.max) return fail(`must be at most ${f.max}`);
      return v;
    }
    case 'date': {
      if (typeof v !== 'string' || !DATE.test(v.trim())) return fail('must be a date as YYYY-MM-DD');
      if (!calendarDay(v.trim())) return fail('is not a calendar date');
      return v.trim();
    }
    case 'datetime': {
      const s = typeof v === 'string' ? v.trim() : '';
      if (!DATETIME.test(s) || !calendarDay(s.slice(0, 10)) || Number.isNaN(Date.parse(s))) return fail('must be a date and time as ISO 8601 with a time zone, e.g. 2026-03-01T14:30:00Z');
      return new Date(s).toISOString();
    }
    case 'country': {
      if (typeof v !== 'string') return fail('must be an ISO 3166 alpha-2 country code');
      const c = v.trim().toUpperCase();
      if (!sets.countries.has(c)) return fail('is not a known country code');
      return c;
    }
    case 'hs_code': {
      if (typeof v !== 'string' || !/^[\d\s.]{2,14}$/.test(v)) return fail('must be an HS code (2 to 6 digits, e.g. 2915.24)');
      const c = v.replace(/[\s.]/g, '');
      if (!sets.hsCodes.has(c)) return fail('is not a known HS code');
      return c;
    }
    case 'place': {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail('must be {"locode": "FRLEH"} or {"text": "free text"}');
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length !== 1 || !['locode', 'text'].includes(keys[0])) return fail('must have exactly one of locode or text');
      if (keys[0] === 'locode') {
        if (typeof o.locode !== 'string') return fail('must be a UN/LOCODE, e.g. FRLEH', `${path}.locode`);
        const c = o.locode.replace(/\s+/g, '').toUpperCase();
        if (!sets.locodes.has(c)) return fail('is not a known UN/LOCODE', `${path}.locode`);
        return { locode: c };
      }
      if (typeof o.text !== 'string' || !o.text.trim()) return fail('must be the name of the place', `${path}.text`);
      if (o.text.trim().length > 200) return fail('must be at most 200 characters', `${path}.text`);
      return { text: o.text.trim() };
    }
    case 'select': {
      if (typeof v !== 'string') return fail('must be one option code');
      if (!f.options.some((o) => o.code === v)) return fail('is not one of the options');
      return v;
    }
    case 'multi_select': {
      if (!Array.isArray(v)) return fail('must be a list of option codes');
      const seen = new Set<string>();
      let ok = true;
      v.forEach((item, i) => {
        if (typeof item !== 'string' || !f.options.some((o) => o.code === item)) {
          ok = false;
          fail('is not one of the options', `${path}.${i}`);
        } else if (seen.has(item)) {
          ok = false;
          fail('is chosen twice', `${path}.${i}`);
        } else seen.add(item);
      });
      return ok ? v : undefined;
    }
    case 'attachment': {
      if (!Array.isArray(v)) return fail('must be a list of uploaded file ids');
      if (v.length > f.maxFiles) return fail(`at most ${f.maxFiles} files`);
      let ok = true;
      v.forEach((id, i) => {
        if (typeof id !== 'string' || !UUID.test(id)) {
          ok = false;
          fail('must be the id of an uploaded file', `${path}.${i}`);
        } else attachments.push({ id: id.toLowerCase(), path: `${path}.${i}` });
      });
      return ok ? v.map((id: string) => id.toLowerCase()) : undefined;
    }
  }
}

/** Fills the author's defaults (name, phone, country, office, now) where a prefilled field is empty. */
export function applyPrefills(def: TemplateDefinition, values: FieldValues, author: { name: string; phone: string | null; country: string | null; office: string | null }, now: Date): FieldValues {
  const out = { ...values };
  for (const f of def.sections.flatMap((s) => s.fields)) {
    if (!f.prefill || !isEmpty(out[f.key])) continue;
    const v =
      f.prefill === 'user.name'
        ? author.name
        : f.prefill === 'user.phone'
          ? author.phone
          : f.prefill === 'user.country'
            ? author.country
            : f.prefill === 'user.office'
              ? author.office
              : f.type === 'date'
                ? now.toISOString().slice(0, 10)
                : now.toISOString();
    if (v) out[f.key] = v;
  }
  return out;
}

// ---------- reading a message ----------

export const label = (l: Labels | Record<string, string>, lang: string): string => (l as Record<string, string>)[lang] ?? l.en;
export const readerLang = (lang: string | null | undefined): TemplateLang => ((TEMPLATE_LANGS as readonly string[]).includes(lang ?? '') ? (lang as TemplateLang) : 'en');

const WORDS = {
  number: { en: 'Number', fr: 'Numéro', es: 'Número', pt: 'Número', ru: 'Номер', 'fa-AF': 'شماره', ur: 'نمبر' },
  draft: { en: 'Draft (no number yet)', fr: 'Brouillon (pas encore de numéro)', es: 'Borrador (aún sin número)', pt: 'Rascunho (ainda sem número)', ru: 'Черновик (номер ещё не присвоен)', 'fa-AF': 'پیش‌نویس (هنوز بدون شماره)', ur: 'مسودہ (ابھی نمبر نہیں)' },
  linked: { en: 'In answer to warning', fr: 'En réponse à l’alerte', es: 'En respuesta a la alerta', pt: 'Em resposta ao alerta', ru: 'В ответ на предупреждение', 'fa-AF': 'در پاسخ به هشدار', ur: 'انتباہ کے جواب میں' },
  entry: { en: 'Entry', fr: 'Entrée', es: 'Entrada', pt: 'Entrada', ru: 'Запись', 'fa-AF': 'مورد', ur: 'اندراج' },
  files: { en: 'file(s) attached', fr: 'fichier(s) joint(s)', es: 'archivo(s) adjunto(s)', pt: 'ficheiro(s) anexado(s)', ru: 'файл(ов) во вложении', 'fa-AF': 'فایل پیوست', ur: 'فائل منسلک' },
} satisfies Record<string, Record<TemplateLang, string>>;

/** Names of the codes a message mentions, in the reader's language, looked up before rendering. */
export interface Lookups {
  country(code: string): string | undefined;
  locode(code: string): string | undefined;
}

/** The codes a message's values mention: countries and UN/LOCODEs, to look their names up. */
export function mentionedCodes(def: TemplateDefinition, values: FieldValues): { countries: Set<string>; locodes: Set<string> } {
  const countries = new Set<string>();
  const locodes = new Set<string>();
  const visit = (f: LeafField, v: unknown) => {
    if (f.type === 'country' && typeof v === 'string') countries.add(v);
    if (f.type === 'place' && v && typeof v === 'object' && 'locode' in v) locodes.add((v as { locode: string }).locode);
  };
  for (const f of def.sections.flatMap((s) => s.fields)) {
    const v = values[f.key];
    if (f.type === 'group') for (const row of Array.isArray(v) ? (v as FieldValues[]) : []) for (const s of f.fields) visit(s, row?.[s.key]);
    else visit(f, v);
  }
  return { countries, locodes };
}

function display(f: LeafField, v: unknown, lang: TemplateLang, look: Lookups): string {
  switch (f.type) {
    case 'country': {
      const name = look.country(v as string);
      return name ? `${name} (${v})` : String(v);
    }
    case 'place': {
      const p = v as Place;
      if ('locode' in p) {
        const name = look.locode(p.locode);
        return name ? `${name} (${p.locode})` : p.locode;
      }
      return p.text;
    }
    case 'hs_code': {
      const c = String(v);
      return c.length > 4 ? `${c.slice(0, 4)}.${c.slice(4)}` : c;
    }
    case 'datetime':
      return `${String(v).slice(0, 16).replace('T', ' ')} UTC`;
    case 'select':
      return label(f.options.find((o) => o.code === v)?.labels ?? { en: String(v) }, lang);
    case 'multi_select':
      return (v as string[]).map((c) => label(f.options.find((o) => o.code === c)?.labels ?? { en: c }, lang)).join('; ');
    case 'attachment':
      return `${(v as string[]).length} ${WORDS.files[lang]}`;
    case 'textarea':
      return String(v).includes('\n') ? `\n${String(v).replace(/^/gm, '    ')}` : String(v);
    default:
      return String(v);
  }
}

/** The filled fields by section, labelled in the reader's language (what the API returns beside the text). */
export function labelledFields(def: TemplateDefinition, values: FieldValues, lang: TemplateLang, look: Lookups): RenderedSection[] {
  return def.sections
    .map((s) => ({
      key: s.key,
      label: label(s.labels, lang),
      fields: s.fields
        .filter((f) => !isEmpty(values[f.key]))
        .map((f: TemplateField): RenderedField => {
          const v = values[f.key];
          if (f.type !== 'group') return { key: f.key, type: f.type, label: label(f.labels, lang), value: v, display: display(f, v, lang, look).trim() };
          const rows = (v as FieldValues[]).map((row) =>
            f.fields.filter((g) => !isEmpty(row[g.key])).map((g) => ({ key: g.key, type: g.type, label: label(g.labels, lang), value: row[g.key], display: display(g, row[g.key], lang, look).trim() })),
          );
          return { key: f.key, type: f.type, label: label(f.labels, lang), value: v, entries: rows };
        }),
    }))
    .filter((s) => s.fields.length > 0);
}

/** A formatted message as plain text: what mailbox readers see in its body. */
export function renderText(
  def: TemplateDefinition,
  names: Labels,
  values: FieldValues,
  lang: TemplateLang,
  look: Lookups,
  meta: { number: string | null; linkedWarningNumber?: string | null },
): string {
  const lines: string[] = [label(names, lang).toLocaleUpperCase(lang), `${WORDS.number[lang]}: ${meta.number ?? WORDS.draft[lang]}`];
  if (meta.linkedWarningNumber) lines.push(`${WORDS.linked[lang]}: ${meta.linkedWarningNumber}`);
  for (const s of labelledFields(def, values, lang, look)) {
    lines.push('', `== ${s.label} ==`);
    for (const f of s.fields) {
      if (!f.entries) {
        lines.push(`${f.label}: ${display(findLeaf(def, f.key)!, f.value, lang, look)}`);
        continue;
      }
      lines.push(`${f.label}:`);
      f.entries.forEach((row, i) => {
        lines.push(`  ${WORDS.entry[lang]} ${i + 1}`);
        for (const g of row) lines.push(`    ${g.label}: ${g.display}`);
      });
    }
  }
  return lines.join('\n');
}

function findLeaf(def: TemplateDefinition, key: string): LeafField | undefined {
  for (const s of def.sections) for (const f of s.fields) if (f.key === key && f.type !== 'group') return f;
  return undefined;
}
