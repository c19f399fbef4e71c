import { API_BASE, api } from '../app/api.ts';

/** The import API of /api/v1/seizures/imports: its answers are typed by the server's own declarations. */
export type { ImportError, ImportStatus, ImportView } from '../../../server/seizures/import-view.ts';
import type { ImportError, ImportView } from '../../../server/seizures/import-view.ts';

export interface ImportField {
  name: string;
  required: boolean;
  description: string;
  values?: string[];
}

export interface PreviewReply {
  mapping: Record<string, string>;
  rows: { row: number; input: Record<string, unknown>; errors: ImportError[] }[];
}

const BASE = '/seizures';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importApi = {
  get: (id: string) => api.get<ImportView>(`${BASE}/imports/${id}`),
  fields: () => api.get<{ items: ImportField[] }>(`${BASE}/import-fields`),
  validate: (id: string, mapping: Record<string, string>) => api.post<ImportView>(`${BASE}/imports/${id}/validate`, { mapping }),
  preview: (id: string) => api.get<PreviewReply>(`${BASE}/imports/${id}/preview`),
  commit: (id: string, body: { mode: 'all' | 'valid'; submit?: boolean; acceptNominalWarnings?: boolean }) => api.post<ImportView>(`${BASE}/imports/${id}/commit`, body),
};

export const templateUrl = (format: 'csv' | 'xlsx') => `${API_BASE}${BASE}/import-template?format=${format}`;

/** The content type to send a file as: by its name when the browser does not know it. */
export function uploadType(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_MIME;
  if (name.endsWith('.csv') || name.endsWith('.txt') || name.endsWith('.tsv')) return 'text/csv';
  return null;
}
