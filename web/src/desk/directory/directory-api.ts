import { API_BASE, api, withQuery } from '../../app/api.ts';
import type { ContactKind, DirectoryEntry, OpeningHours } from '../../../../server/desk/directory/directory-view.ts';

export { CONTACT_KINDS, SECURE_CHANNELS } from '../../../../server/desk/directory/directory-view.ts';
export type { ContactKind, DirectoryEntry, OpeningHours };

export interface DirectoryFilters {
  q?: string;
  country?: string;
  region?: string;
  kind?: string;
  riskArea?: string;
  language?: string;
  openNow?: 'true';
  stale?: 'true';
  orgId?: string;
}

export type EntryInput = Pick<DirectoryEntry, 'kind' | 'name' | 'unit' | 'riskAreas' | 'languages' | 'timeZone' | 'alwaysOpen' | 'hours' | 'phone' | 'email' | 'secureChannels' | 'notes'>;

const BASE = '/directory';
export const directoryKeys = { all: ['directory'] as const, search: (f: DirectoryFilters) => ['directory', 'search', f] as const };

export const directoryApi = {
  search: (f: DirectoryFilters) => api.get<{ entries: DirectoryEntry[]; total: number }>(withQuery(BASE, { ...f, limit: 200 })),
  create: (input: EntryInput) => api.post<{ id: string }>(BASE, input),
  update: (id: string, input: EntryInput) => api.put<DirectoryEntry>(`${BASE}/${id}`, input),
  confirm: (id: string) => api.post<DirectoryEntry>(`${BASE}/${id}/confirm`),
  remove: (id: string) => api.delete(`${BASE}/${id}`),
  /** A link the browser downloads (the export is audited on the server). */
  exportUrl: (f: DirectoryFilters, format: 'csv' | 'vcf') => withQuery(`${API_BASE}${BASE}/export`, { ...f, format }),
};
