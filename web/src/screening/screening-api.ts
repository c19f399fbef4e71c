import { api, API_BASE, ApiError, withQuery, type ProblemDetails } from '../app/api.ts';
import type { ListName, SearchHit, SearchInput as SearchBody, SearchReply } from '../../../server/screening/search-view.ts';
import type { ArtImage } from '../../../server/screening/art-images-view.ts';

/** The API of /api/v1/screening, as the server's zod schemas describe it. */
// The list names and the search's shapes are the server's own, from its dependency-free view files.
export { LISTS, type ListName, type MatchType, type MatchReason, type MrzReading, type SearchHit, type SearchInput as SearchBody, type SearchReply } from '../../../server/screening/search-view.ts';
export type { ArtImage } from '../../../server/screening/art-images-view.ts';

export const IDENTIFIER_KINDS = ['mrz', 'vin', 'container', 'imo', 'firearm_serial', 'document_number'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const MAX_BATCH_ITEMS = 10_000;

export interface CheckDigit {
  value: string;
  expected: string;
  holds: boolean;
}

export interface LocatedError {
  field: string;
  message: string;
}

export interface IdentifierResult {
  kind: IdentifierKind;
  valid: boolean;
  normalised: string;
  folded: string;
  fields?: Record<string, unknown>;
  warnings: string[];
  errors: LocatedError[];
}

/** What an I2C officer picks the member administration from. */
export interface OrganisationOption {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  country: string | null;
}

export interface BatchItem {
  ref?: string;
  identifier: string;
  list?: ListName;
}

export interface BatchBody {
  items: BatchItem[];
  list?: ListName;
  oneEdit?: boolean;
  onBehalfOfOrgId?: string;
}

export interface BatchHit extends SearchHit {
  item: number;
  ref?: string;
}

export interface BatchReply {
  queryId: string;
  items: number;
  hits: BatchHit[];
}

export interface WatchRecord {
  id: string;
  orgId: string;
  createdBy: string | null;
  reviewOn: string;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface LoggedQuery {
  id: string;
  at: string;
  userId: string;
  orgId: string;
  onBehalfOfOrgId: string | null;
  forOrgId: string;
  mode: 'search' | 'batch';
  list: string | null;
  query: Record<string, unknown>;
  items: number;
  hits: number;
}

export interface QueriesFilter {
  mode: '' | 'search' | 'batch';
  page: number;
  pageSize: number;
}

export type HitStatus = 'pending' | 'confirmed' | 'not_confirmed';
export type HitDecision = Exclude<HitStatus, 'pending'>;

/** A candidate opened at the second level: the recording organisation must confirm it within an hour. */
export interface ScreeningHit {
  id: string;
  queryId: string;
  list: ListName;
  recordId: string;
  match: string;
  enquirerUserId: string;
  enquirerOrgId: string;
  onBehalfOfOrgId: string | null;
  forOrgId: string;
  recordingOrgId: string;
  openedAt: string;
  validationDueAt: string;
  overdue: boolean;
  status: HitStatus;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  enquirerOrgName: string | null;
  forOrgName: string | null;
  recordingOrgName: string | null;
  onBehalfOfOrgName: string | null;
}

export interface TraceRequest {
  id: string;
  firearmRecordId: string;
  requesterUserId: string;
  requesterOrgId: string;
  ownerOrgId: string;
  question: string;
  status: 'open' | 'answered';
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
  requesterOrgName: string | null;
  ownerOrgName: string | null;
}

export interface HitsFilter {
  status: '' | HitStatus;
  role: '' | 'mine' | 'recording';
  page: number;
  pageSize: number;
}

export interface TraceFilter {
  status: '' | TraceRequest['status'];
  role: '' | 'asked' | 'owner';
  page: number;
  pageSize: number;
}

const BASE = '/screening';

export const screeningApi = {
  validate: (kind: IdentifierKind, value: string) => api.post<IdentifierResult>(`${BASE}/identifiers/validate`, { kind, value }),
  search: (body: SearchBody) => api.post<SearchReply>(`${BASE}/search`, body),
  organisations: () => api.get<{ items: OrganisationOption[] }>(`${BASE}/organisations`),
  traceRequest: (id: string) => api.get<TraceRequest>(`${BASE}/trace-requests/${id}`),
  record: (list: ListName, id: string) => api.get<WatchRecord>(`${BASE}/lists/${list}/records/${id}`),
  deleteArtImage: (recordId: string, imageId: string) => api.delete(`${BASE}/lists/art/records/${recordId}/images/${imageId}`),
  batch: (body: BatchBody) => api.post<BatchReply>(`${BASE}/batch`, body),
  records: (list: ListName, page: number, pageSize: number) => api.get<Page<WatchRecord>>(withQuery(`${BASE}/lists/${list}/records`, { page, pageSize })),
  createRecord: (list: ListName, input: Record<string, unknown>) => api.post<WatchRecord & { warnings: string[] }>(`${BASE}/lists/${list}/records`, input),
  updateRecord: (list: ListName, id: string, patch: Record<string, unknown>) => api.patch<WatchRecord & { warnings: string[] }>(`${BASE}/lists/${list}/records/${id}`, patch),
  deleteRecord: (list: ListName, id: string) => api.delete(`${BASE}/lists/${list}/records/${id}`),
  queries: (f: QueriesFilter) => api.get<Page<LoggedQuery>>(withQuery(`${BASE}/queries`, { mode: f.mode, page: f.page, pageSize: f.pageSize })),
  openCandidate: (queryId: string, recordId: string) => api.post<{ hit: ScreeningHit; record: WatchRecord }>(`${BASE}/queries/${queryId}/candidates/${recordId}/open`, {}),
  hits: (f: HitsFilter) => api.get<Page<ScreeningHit>>(withQuery(`${BASE}/hits`, { status: f.status, role: f.role, page: f.page, pageSize: f.pageSize })),
  hit: (id: string) => api.get<ScreeningHit>(`${BASE}/hits/${id}`),
  decide: (id: string, decision: HitDecision, note: string) => api.post<ScreeningHit>(`${BASE}/hits/${id}/decision`, { decision, note }),
  traceRequests: (f: TraceFilter) => api.get<Page<TraceRequest>>(withQuery(`${BASE}/trace-requests`, { status: f.status, role: f.role, page: f.page, pageSize: f.pageSize })),
  askTrace: (firearmRecordId: string, question: string) => api.post<TraceRequest>(`${BASE}/trace-requests`, { firearmRecordId, question }),
  answerTrace: (id: string, answer: string) => api.post<TraceRequest>(`${BASE}/trace-requests/${id}/answer`, { answer }),
};

export const screeningKeys = {
  records: (list: ListName, page: number) => ['screening', 'records', list, page] as const,
  allRecords: ['screening', 'records'] as const,
  queries: (f: QueriesFilter) => ['screening', 'queries', f] as const,
  hits: (f: HitsFilter) => ['screening', 'hits', f] as const,
  hit: (id: string) => ['screening', 'hits', id] as const,
  allHits: ['screening', 'hits'] as const,
  traces: (f: TraceFilter) => ['screening', 'trace-requests', f] as const,
  allTraces: ['screening', 'trace-requests'] as const,
  trace: (id: string) => ['screening', 'trace-requests', id] as const,
  organisations: ['screening', 'organisations'] as const,
  record: (list: ListName, id: string) => ['screening', 'records', list, 'one', id] as const,
};

/** Where an image of a work of art is served (the session cookie goes with an <img> of the same origin). */
export const artImageUrl = (recordId: string, imageId: string) => `${API_BASE}${BASE}/lists/art/records/${recordId}/images/${imageId}`;

/** The images an upload may carry: the server sniffs the type; this only saves a refused round trip. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** Sends an image as the raw body, with the CSRF token; answers the stored image or throws ApiError. */
export async function uploadArtImage(recordId: string, file: File, csrf: string | null): Promise<ArtImage> {
  const headers: Record<string, string> = { 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json, application/problem+json' };
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${BASE}/lists/art/records/${recordId}/images?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers, credentials: 'include', body: file });
  } catch {
    throw new ApiError({ status: 0, title: 'Network error' });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) throw new ApiError(data && typeof data === 'object' ? { status: response.status, ...(data as Partial<ProblemDetails>) } : { status: response.status, title: response.statusText });
  return data as ArtImage;
}

export interface FirearmReferenceEntry {
  id: string;
  kind: 'make' | 'model' | 'calibre';
  name: string;
  aliases: string[];
  make: string | null;
}

export const firearmReference = {
  list: (kind: FirearmReferenceEntry['kind']) => api.get<{ items: FirearmReferenceEntry[] }>(withQuery(`${BASE}/firearms/reference`, { kind })),
  key: (kind: FirearmReferenceEntry['kind']) => ['screening', 'firearms-reference', kind] as const,
};
