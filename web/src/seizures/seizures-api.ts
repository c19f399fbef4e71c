import { API_BASE, api, withQuery } from '../app/api.ts';

/** The API of /api/v1/seizures, as the server's zod schemas describe it; the closed vocabularies are the server's own. */
export { AGE_BANDS, CONVEYANCE_TYPES, DIRECTIONS, GENDERS, LEG_ROLES, LOCATION_TYPES, MAX_LEGS, MAX_LINES, MAX_PHOTO_BYTES, PROVENANCES, STATUSES, TRANSPORT_MODES, UNITS } from '../../../server/seizures/vocabulary.ts';
import type { LEG_ROLES, STATUSES, UNITS } from '../../../server/seizures/vocabulary.ts';
export const SORTS = ['-seizedAt', 'seizedAt', '-reference', 'reference', 'country', '-country', '-updatedAt', 'updatedAt'] as const;
/** The commodity taxonomy's categories (reference data, stable codes). */
export const CATEGORIES = ['DRUGS', 'TOBACCO', 'ALCOHOL', 'IPR', 'ENVIRONMENT', 'CULTURAL_HERITAGE', 'WEAPONS', 'EXPLOSIVES', 'CASH', 'REVENUE', 'OTHER'] as const;


export type Status = (typeof STATUSES)[number];
export type Unit = (typeof UNITS)[number];
export type LegRole = (typeof LEG_ROLES)[number];

export interface CommodityLine {
  category: string;
  subcategory: string | null;
  hsCode: string | null;
  description: string | null;
  quantity: number;
  unit: string;
  value: number | null;
  currency: string | null;
  citesSpecies: string | null;
}

export interface RouteLeg {
  role: LegRole;
  country: string;
  placeLocode: string | null;
  placeIata: string | null;
  placeText: string | null;
  date: string | null;
}

export interface OffenderCount {
  nationality: string | null;
  gender: string;
  ageBand: string;
  count: number;
}

export interface SeizureInput {
  seizedAt: string;
  country: string;
  placeLocode?: string | null;
  placeIata?: string | null;
  placeText?: string | null;
  lat?: number | null;
  lng?: number | null;
  locationType: string;
  direction: string;
  detectionMethods: string[];
  concealmentMethods: string[];
  concealmentDetail?: string | null;
  transportMode?: string | null;
  conveyanceType?: string | null;
  route: RouteLeg[];
  commodities: CommodityLine[];
  offenders: OffenderCount[];
  narrative?: string | null;
  externalRef?: string | null;
  acceptNominalWarnings?: boolean;
  version?: number;
}

export interface Photo {
  id: string;
  name: string;
  mime: string;
  size: number;
  caption: string | null;
  createdAt: string;
}

export interface Seizure {
  id: string;
  reference: string;
  orgId: string;
  orgName: string;
  status: Status;
  provenance: string;
  externalRef: string | null;
  seizedAt: string;
  country: string;
  region: string | null;
  rilo: string | null;
  placeLocode: string | null;
  placeIata: string | null;
  placeText: string | null;
  lat: number | null;
  lng: number | null;
  locationType: string;
  direction: string;
  detectionMethods: string[];
  concealmentMethods: string[];
  concealmentDetail: string | null;
  transportMode: string | null;
  conveyanceType: string | null;
  route: RouteLeg[];
  commodities: CommodityLine[];
  offenders: OffenderCount[];
  narrative: string | null;
  returnComment: string | null;
  photos: Photo[];
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  validatedAt: string | null;
}

export interface NominalWarning {
  field: string;
  kind: string;
  excerpt: string;
}

export interface CheckReply {
  errors: { field: string; message: string }[];
  warnings: NominalWarning[];
}

export type { SummaryRow as Summary } from '../../../server/seizures/summary-view.ts';
import type { SummaryRow as Summary } from '../../../server/seizures/summary-view.ts';

export interface SummaryPage {
  items: Summary[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export interface QueueItem extends Summary {
  ageHours: number;
}

export interface HistoryEntry {
  id: number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  changes: Record<string, unknown>;
  comment: string | null;
}

/** The search filters as the API takes them in the query string (lists comma-separated). */
export interface Filters {
  from?: string;
  to?: string;
  country?: string;
  region?: string;
  routeCountry?: string;
  departure?: string;
  destination?: string;
  category?: string;
  hs?: string;
  detection?: string;
  concealment?: string;
  transport?: string;
  status?: string;
  q?: string;
}
export const FILTER_KEYS = ['from', 'to', 'country', 'region', 'routeCountry', 'departure', 'destination', 'category', 'hs', 'detection', 'concealment', 'transport', 'status', 'q'] as const;

export interface SavedSearch {
  id: string;
  name: string;
  query: Record<string, unknown>;
  createdAt: string;
}

export interface Quantity {
  unit: string;
  quantity: number;
}
export interface Counted {
  code: string;
  seizures: number;
}
export interface RouteCount {
  departure: string;
  destination: string;
  seizures: number;
}

export interface StatsReply {
  year: number;
  byCategory: { category: string; seizures: number; lastYearSeizures: number; quantities: Quantity[]; lastYearQuantities: Quantity[] }[];
  monthly: { month: string; category: string; seizures: number; kilograms: number }[];
  topRoutes: RouteCount[];
  topConcealment: Counted[];
  topDetection: Counted[];
  byCountry: Counted[];
  byRegion: Counted[];
  totals: { seizures: number; lastYearSeizures: number };
}

export interface MapReply {
  countries: { country: string; seizures: number; lat: number | null; lng: number | null }[];
  flows: { departure: string; destination: string; seizures: number; from: [number, number] | null; to: [number, number] | null }[];
}

export interface ReportReply {
  year: number;
  category: string;
  seizures: number;
  lastYearSeizures: number;
  countriesReporting: number;
  quantities: Quantity[];
  lastYearQuantities: Quantity[];
  bySubcategory: { subcategory: string | null; seizures: number; quantities: Quantity[] }[];
  byRegion: (Counted & { quantities: Quantity[] })[];
  topCountries: (Counted & { quantities: Quantity[] })[];
  monthly: { month: string; seizures: number; kilograms: number }[];
  topRoutes: RouteCount[];
  topConcealment: Counted[];
  topDetection: Counted[];
  byTransport: Counted[];
  largest: { id: string; reference: string; seizedAt: string; country: string; quantity: number; unit: string; subcategory: string | null }[];
}

const BASE = '/seizures';

/** Only the filters that are set, as query parameters. */
export function filterParams(f: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = f[key];
    if (v !== undefined && v !== null && String(v).trim() !== '') out[key] = String(v).trim();
  }
  return out;
}

export { uploadRaw } from '../app/api.ts';

export const seizuresApi = {
  list: (f: Filters, sort: string, page: number, pageSize: number) => api.get<SummaryPage>(withQuery(BASE, { ...filterParams(f), sort, page, pageSize })),
  get: (id: string) => api.get<Seizure>(`${BASE}/${id}`),
  history: (id: string) => api.get<{ items: HistoryEntry[] }>(`${BASE}/${id}/history`),
  check: (input: SeizureInput) => api.post<CheckReply>(`${BASE}/check`, input),
  create: (input: SeizureInput) => api.post<Seizure & { warnings: NominalWarning[] }>(BASE, input),
  update: (id: string, input: SeizureInput) => api.put<Seizure & { warnings: NominalWarning[] }>(`${BASE}/${id}`, input),
  remove: (id: string) => api.delete(`${BASE}/${id}`),
  submit: (id: string) => api.post<Seizure>(`${BASE}/${id}/submit`),
  validate: (id: string, comment?: string) => api.post<Seizure>(`${BASE}/${id}/validate`, comment ? { comment } : {}),
  returnTo: (id: string, comment: string) => api.post<Seizure>(`${BASE}/${id}/return`, { comment }),
  queue: () => api.get<{ items: QueueItem[] }>(`${BASE}/queue`),
  removePhoto: (id: string, photoId: string) => api.delete(`${BASE}/${id}/photos/${photoId}`),
  savedSearches: () => api.get<{ items: SavedSearch[] }>(`${BASE}/saved-searches`),
  saveSearch: (name: string, query: Filters) => api.post<SavedSearch>(`${BASE}/saved-searches`, { name, query: toSavedQuery(query) }),
  deleteSavedSearch: (id: string) => api.delete(`${BASE}/saved-searches/${id}`),
  stats: (f: Filters & { year?: number }) => api.get<StatsReply>(withQuery(`${BASE}/stats`, { ...filterParams(f), year: f.year })),
  map: (f: Filters) => api.get<MapReply>(withQuery(`${BASE}/map`, filterParams(f))),
  report: (year: number, category: string) => api.get<ReportReply>(withQuery(`${BASE}/report`, { year, category })),
};

/** The saved-search body: the same filters, lists as arrays. */
const LIST_FILTERS = new Set(['country', 'region', 'routeCountry', 'departure', 'destination', 'category', 'detection', 'concealment', 'transport', 'status']);
export function toSavedQuery(f: Filters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filterParams(f))) out[k] = LIST_FILTERS.has(k) ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;
  return out;
}
export function fromSavedQuery(q: Record<string, unknown>): Filters {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = q[key];
    if (Array.isArray(v)) out[key] = v.join(',');
    else if (typeof v === 'string' && v) out[key] = v;
  }
  return out;
}

export const photoUrl = (seizureId: string, photoId: string, thumb = false) => `${API_BASE}${BASE}/${seizureId}/photos/${photoId}${thumb ? '?thumb=1' : ''}`;
export const exportUrl = (format: 'csv' | 'xlsx' | 'json', f: Filters) => API_BASE + withQuery(`${BASE}/export`, { format, ...filterParams(f) });

export const seizureKeys = {
  all: ['seizures'] as const,
  list: (f: Filters, sort: string, page: number) => ['seizures', 'list', f, sort, page] as const,
  one: (id: string) => ['seizures', 'one', id] as const,
  history: (id: string) => ['seizures', 'history', id] as const,
  queue: ['seizures', 'queue'] as const,
  saved: ['seizures', 'saved-searches'] as const,
  stats: (f: object) => ['seizures', 'stats', f] as const,
  map: (f: Filters) => ['seizures', 'map', f] as const,
  report: (year: number, category: string) => ['seizures', 'report', year, category] as const,
};
