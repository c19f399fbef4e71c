import { API_BASE, api, withQuery } from '../app/api.ts';
import type { ComposeInput } from './comm-api.ts';
import type { RenderedSection } from '../../../server/comm/formatted-view.ts';
import type { NewsletterSummary } from '../../../server/comm/newsletter-view.ts';

// The labelled sections and the newsletter summary are the server's own types, from its dependency-free view files.
export type { NewsletterSummary } from '../../../server/comm/newsletter-view.ts';

/** Templates, formatted messages, cases and statistics of /api/v1/operations/:opId, as the server describes them. */
export type Labels = { en: string } & Partial<Record<'fr' | 'es' | 'pt' | 'ru' | 'fa-AF' | 'ur', string>>;

export interface FieldOption {
  code: string;
  labels: Labels;
  hsCode?: string;
}

interface FieldBase {
  key: string;
  labels: Labels;
  required?: boolean;
  help?: Labels;
  prefill?: string;
}

export type LeafField = FieldBase &
  (
    | { type: 'text' | 'textarea'; maxLength?: number }
    | { type: 'number'; min?: number; max?: number; integer?: boolean }
    | { type: 'datetime' | 'date' | 'country' | 'place' | 'hs_code' }
    | { type: 'select' | 'multi_select'; options: FieldOption[] }
    | { type: 'attachment'; maxFiles?: number }
  );
export type GroupField = FieldBase & { type: 'group'; fields: LeafField[]; minItems?: number; maxItems?: number };
export type TemplateField = LeafField | GroupField;

export interface Template {
  id: string;
  operationId: string;
  code: string;
  prefix: string;
  names: Record<string, string>;
  definition: { sections: { key: string; labels: Labels; fields: TemplateField[] }[] };
  version: number;
  builtin: boolean;
  updatedAt: string;
}

export interface FormattedMessage {
  id: string;
  operationId: string;
  status: 'draft' | 'sent';
  number: string | null;
  templateId: string;
  templateCode: string;
  templateVersion: number;
  templateName: string;
  subject: string;
  senderId: string;
  senderName: string;
  senderCountry: string | null;
  sentAt: string | null;
  linkedWarningId: string | null;
  linkedWarningNumber: string | null;
  to: ComposeInput['to'] | null;
  recipientCount: number;
  lang: string;
  fields: Record<string, unknown>;
  sections: RenderedSection[];
  text: string;
  case: { status: 'open' | 'closed'; answers: { id: string; number: string | null; templateCode: string; sentAt: string }[] } | null;
}

export type FormattedSummary = Pick<FormattedMessage, 'id' | 'status' | 'number' | 'templateCode' | 'subject' | 'senderName' | 'senderCountry' | 'sentAt' | 'linkedWarningId'>;

export interface FormattedInput {
  templateId?: string;
  subject?: string;
  fields: Record<string, unknown>;
  to?: ComposeInput['to'];
  linkedWarningId?: string | null;
  submit?: boolean;
}

export interface CaseItem {
  warningId: string;
  number: string | null;
  subject: string;
  senderName: string;
  senderCountry: string | null;
  sentAt: string;
  status: 'open' | 'closed';
  ageSeconds: number | null;
  responseSeconds: number | null;
  closedBy: 'answer' | 'hand' | null;
  closedAt: string | null;
  closedByName: string | null;
  closeNote: string | null;
  answers: number;
  firstAnswer: { id: string; number: string | null; templateCode: string; sentAt: string } | null;
}

export interface OperationStats {
  messages: { total: number; plain: number; byTemplate: { code: string; label: string; count: number }[] };
  warnings: { total: number; open: number; closed: number; answered: number };
  responseTime: { answered: number; medianSeconds: number | null; meanSeconds: number | null };
  seizures: { total: number; byCommodity: { code: string; label: string; count: number }[]; byCountry: { country: string; count: number }[]; byPrecursor: { code: string; label: string; count: number }[] };
}

/** What a SEIZURE message would send to the seizure database: exactly the allowlisted fields, and what stays. */
export interface CenExportPreview {
  leaving: { path: string; value: unknown }[];
  dropped: string[];
  warnings: { field: string; kind: string; excerpt: string }[];
  errors: { field: string; message: string }[];
  exported: { seizureId: string; reference: string } | null;
}

const op = (opId: string) => `/operations/${opId}`;

export const formattedKeys = {
  templates: (opId: string) => ['comm', 'operation', opId, 'templates'] as const,
  list: (opId: string, status: 'draft' | 'sent', page: number) => ['comm', 'operation', opId, 'formatted', status, page] as const,
  one: (opId: string, id: string) => ['comm', 'operation', opId, 'formatted-one', id] as const,
  cases: (opId: string, status: 'open' | 'closed') => ['comm', 'operation', opId, 'cases', status] as const,
  stats: (opId: string) => ['comm', 'operation', opId, 'stats'] as const,
  cenExport: (opId: string, id: string) => ['comm', 'operation', opId, 'cen-export', id] as const,
  newsletters: (opId: string, page: number) => ['comm', 'operation', opId, 'newsletters', page] as const,
};

export const formattedApi = {
  templates: (opId: string) => api.get<{ items: Template[] }>(`${op(opId)}/templates`),
  list: (opId: string, status: 'draft' | 'sent', page: number, pageSize = 25) => api.get<{ items: FormattedSummary[]; total: number }>(withQuery(`${op(opId)}/formatted`, { status, page, pageSize })),
  get: (opId: string, id: string) => api.get<FormattedMessage>(`${op(opId)}/formatted/${id}`),
  create: (opId: string, input: FormattedInput) => api.post<FormattedMessage>(`${op(opId)}/formatted`, input),
  update: (opId: string, id: string, input: FormattedInput) => api.put<FormattedMessage>(`${op(opId)}/formatted/${id}`, input),
  submit: (opId: string, id: string, to?: ComposeInput['to']) => api.post<FormattedMessage>(`${op(opId)}/formatted/${id}/submit`, { to }),
  remove: (opId: string, id: string) => api.delete(`${op(opId)}/formatted/${id}`),
  cases: (opId: string, status: 'open' | 'closed') => api.get<{ items: CaseItem[]; total: number }>(withQuery(`${op(opId)}/cases`, { status, pageSize: 200 })),
  closeCase: (opId: string, id: string, note: string) => api.post<CaseItem>(`${op(opId)}/cases/${id}/close`, { note }),
  stats: (opId: string) => api.get<OperationStats>(`${op(opId)}/stats`),
  cenPreview: (opId: string, id: string) => api.get<CenExportPreview>(`${op(opId)}/messages/${id}/cen-export`),
  cenExport: (opId: string, id: string, acceptNominalWarnings: boolean) => api.post<{ seizureId: string; reference: string }>(`${op(opId)}/messages/${id}/cen-export`, { acceptNominalWarnings }),
  newsletters: (opId: string, page: number, pageSize = 30) => api.get<{ items: NewsletterSummary[]; total: number }>(withQuery(`${op(opId)}/newsletters`, { page, pageSize })),
  generateNewsletter: (opId: string) => api.post<NewsletterSummary>(`${op(opId)}/newsletters`),
  template: (opId: string, id: string) => api.get<Template>(`${op(opId)}/templates/${id}`),
  updateTemplate: (opId: string, id: string, input: { prefix: string; names: Labels; definition: Template['definition'] }) => api.put<Template>(`${op(opId)}/templates/${id}`, input),
};

/** The newsletter as an HTML document in a language, for a sandboxed frame. */
export const newsletterUrl = (opId: string, id: string, lang: string) => `${API_BASE}${withQuery(`${op(opId)}/newsletters/${id}`, { lang })}`;
/** The operation's seizures, warnings and statistics as a file (OCU, OCU+). */
export const exportUrl = (opId: string, format: 'xlsx' | 'sqlite') => `${API_BASE}${withQuery(`${op(opId)}/export`, { format })}`;

/** A label in the interface language, English when the template has none. */
export function labelIn(labels: Labels | Record<string, string> | undefined, lang: string): string {
  if (!labels) return '';
  return (labels as Record<string, string>)[lang] ?? (labels as Record<string, string>)[lang.split('-')[0]] ?? (labels as Record<string, string>).en ?? '';
}
