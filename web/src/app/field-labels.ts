import type { TFunction } from 'i18next';
import { formFieldName, type ProblemDetails } from './api.ts';

/** Labels of a form's fields by field name (`country`, `fields.feedback_type`, `mapping.commodity_1_category`). */
export type FieldLabels = Record<string, string>;

/**
 * The name a person knows a field by: the label the form gave it, else (for a field the form did not label)
 * its last named segment in words, inside a translated frame. Never the path of the problem document.
 */
export function fieldLabel(field: string, labels: FieldLabels, t: TFunction): string {
  const name = formFieldName(field);
  if (labels[name]) return labels[name];
  const segments = name.split('.').filter((s) => s && !/^\d+$/.test(s));
  const last = segments[segments.length - 1];
  if (!last) return t('errors.thisField');
  if (labels[last]) return labels[last];
  const words = last
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return t('errors.namedField', { name: words });
}

/** A problem's detail unless it only repeats its field errors with their paths: those are shown by label. */
export function problemDetail(problem: ProblemDetails): string | undefined {
  const detail = problem.detail;
  const paths = (problem.errors ?? []).map((e) => e.field).filter(Boolean);
  if (detail && paths.some((path) => detail.includes(path))) return undefined;
  return detail;
}
