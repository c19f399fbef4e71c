import { z } from 'zod';

/** The UI languages a template speaks; English is required, the others fall back to it. */
export const TEMPLATE_LANGS = ['en', 'fr', 'es', 'pt', 'ru', 'fa-AF', 'ur'] as const;
export type TemplateLang = (typeof TEMPLATE_LANGS)[number];
export type Labels = { en: string } & Partial<Record<Exclude<TemplateLang, 'en'>, string>>;

export const FIELD_TYPES = ['text', 'textarea', 'number', 'datetime', 'date', 'country', 'place', 'hs_code', 'select', 'multi_select', 'attachment', 'group'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
/** Values filled in from the author when a message leaves them empty. */
export const PREFILLS = ['user.name', 'user.phone', 'user.country', 'user.office', 'now'] as const;
/** Codes whose meaning the server knows: a FEEDBACK or SEIZURE may answer a WARNING. */
export const WARNING = 'WARNING';
export const ANSWERS = ['FEEDBACK', 'SEIZURE'] as const;
export const MAX_FORMATTED_ATTACHMENTS = 10;

const labelText = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
export const labels = z.strictObject({
  en: labelText,
  fr: labelText.optional(),
  es: labelText.optional(),
  pt: labelText.optional(),
  ru: labelText.optional(),
  'fa-AF': labelText.optional(),
  ur: labelText.optional(),
});

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits or _, at most 40, starting with a letter');
const base = {
  key,
  labels,
  required: z.boolean().default(false),
  help: labels.optional(),
  prefill: z.enum(PREFILLS).optional(),
};
export const option = z.strictObject({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9_.-]{0,59}$/, 'must be upper-case letters, digits, _ . or -, at most 60'),
  labels,
  hsCode: z.string().regex(/^\d{4,10}$/, 'must be 4 to 10 digits').optional(),
});
const options = z.array(option).min(1, 'needs at least one option').max(500, 'at most 500 options');

const leafTypes = [
  z.strictObject({ ...base, type: z.literal('text'), maxLength: z.number().int().min(1).max(2000).default(500) }),
  z.strictObject({ ...base, type: z.literal('textarea'), maxLength: z.number().int().min(1).max(50_000).default(20_000) }),
  z.strictObject({ ...base, type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().default(false) }),
  z.strictObject({ ...base, type: z.literal('datetime') }),
  z.strictObject({ ...base, type: z.literal('date') }),
  z.strictObject({ ...base, type: z.literal('country') }),
  z.strictObject({ ...base, type: z.literal('place') }),
  z.strictObject({ ...base, type: z.literal('hs_code') }),
  z.strictObject({ ...base, type: z.literal('select'), options }),
  z.strictObject({ ...base, type: z.literal('multi_select'), options }),
  z.strictObject({ ...base, type: z.literal('attachment'), maxFiles: z.number().int().min(1).max(MAX_FORMATTED_ATTACHMENTS).default(MAX_FORMATTED_ATTACHMENTS) }),
] as const;
export const leafField = z.discriminatedUnion('type', [...leafTypes]);
/** A repeating group (route legs, several offenders): one row of leaf fields per entry. */
export const groupField = z.strictObject({
  ...base,
  type: z.literal('group'),
  fields: z.array(leafField).min(1, 'needs at least one field').max(40),
  minItems: z.number().int().min(0).max(200).default(0),
  maxItems: z.number().int().min(1).max(200).default(50),
});
export const templateField = z.discriminatedUnion('type', [...leafTypes, groupField]);
export const templateSection = z.strictObject({ key, labels, fields: z.array(templateField).min(1, 'needs at least one field').max(100) });

export type LeafField = z.infer<typeof leafField>;
export type GroupField = z.infer<typeof groupField>;
export type TemplateField = z.infer<typeof templateField>;
export type TemplateDefinition = { sections: { key: string; labels: Labels; fields: TemplateField[] }[] };

/** Checks a field's settings against its type; `path` leads to the field in the definition. */
function checkField(f: LeafField | GroupField, path: (string | number)[], ctx: z.RefinementCtx) {
  const issue = (message: string, at: (string | number)[] = []) => ctx.addIssue({ code: 'custom', path: [...path, ...at], message });
  if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) issue('must not be greater than max', ['min']);
  if (f.type === 'group' && f.minItems > f.maxItems) issue('must not be greater than maxItems', ['minItems']);
  if (f.type === 'select' || f.type === 'multi_select') {
    const seen = new Set<string>();
    f.options.forEach((o, i) => {
      if (seen.has(o.code)) issue('is used twice', ['options', i, 'code']);
      seen.add(o.code);
    });
  }
  if (f.prefill) {
    const fits =
      (f.prefill === 'now' && (f.type === 'datetime' || f.type === 'date')) ||
      (f.prefill === 'user.country' && f.type === 'country') ||
      (['user.name', 'user.phone', 'user.office'].includes(f.prefill) && (f.type === 'text' || f.type === 'textarea'));
    if (!fits) issue(`does not suit a ${f.type} field`, ['prefill']);
  }
}

/** The definition of a template: sections of typed fields; field keys are unique in the whole template. */
export const templateDefinition = z
  .strictObject({ sections: z.array(templateSection).min(1, 'needs at least one section').max(30) })
  .superRefine((d, ctx) => {
    const keys = new Set<string>();
    const sectionKeys = new Set<string>();
    d.sections.forEach((s, si) => {
      if (sectionKeys.has(s.key)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'key'], message: 'is used twice' });
      sectionKeys.add(s.key);
      s.fields.forEach((f, fi) => {
        const path = ['sections', si, 'fields', fi];
        if (keys.has(f.key)) ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: 'is used twice in this template' });
        keys.add(f.key);
        checkField(f, path, ctx);
        if (f.type === 'group') {
          const sub = new Set<string>();
          f.fields.forEach((g, gi) => {
            if (sub.has(g.key)) ctx.addIssue({ code: 'custom', path: [...path, 'fields', gi, 'key'], message: 'is used twice in this group' });
            sub.add(g.key);
            checkField(g, [...path, 'fields', gi], ctx);
          });
        }
      });
    });
  });

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,29}$/, 'must be 2 to 30 letters, digits or _, starting with a letter, e.g. WARNING');
const prefix = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]$/, 'must be one letter, e.g. W');

export const templateUpdate = z.object({ prefix, names: labels, definition: templateDefinition });
export const templateCreate = templateUpdate.extend({ code });
export type TemplateUpdate = z.infer<typeof templateUpdate>;
export type TemplateCreate = z.infer<typeof templateCreate>;

export const template = z.object({
  id: z.uuid(),
  operationId: z.uuid(),
  code: z.string(),
  prefix: z.string(),
  names: z.record(z.string(), z.string()),
  definition: z.object({ sections: z.array(z.any()) }).describe('sections of typed fields, as written (see the template definition schema)'),
  version: z.number(),
  builtin: z.boolean(),
  updatedAt: z.string(),
});
export const templateParams = z.object({ opId: z.uuid('must be a UUID'), templateId: z.uuid('must be a UUID') });
