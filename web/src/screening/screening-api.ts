import { api, withQuery } from '../app/api.ts';

/** The API of /api/v1/screening, as the server's zod schemas describe it. */
export const LISTS = ['travel_documents', 'vehicles', 'firearms', 'art', 'containers', 'vessels'] as const;
export type ListName = (typeof LISTS)[number];

export const IDENTIFIER_KINDS = ['mrz', 'vin', 'container', 'imo', 'firearm_serial', 'document_number'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const MATCH_TYPES = ['exact', 'normalised', 'folded', 'one_edit', 'wildcard', 'fields'] as const;
export type MatchType = (typeof MATCH_TYPES)[number];

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

export type OneEdit =
  | { op: 'substitution' | 'transposition'; position: number; searched: string; recorded: string }
  | { op: 'missing_character'; position: number; recorded: string }
  | { op: 'extra_character'; position: number; searched: string };

export interface MatchReason {
  type: MatchType;
  key?: string;
  edit?: OneEdit;
  detail: string;
}

export interface SearchHit {
  list: ListName;
  recordId: string;
  match: MatchReason;
  firstLevel: Record<string, unknown>;
}

export interface SearchFields {
  issuingCountry?: string;
  docType?: string;
  make?: string;
  model?: string;
  calibre?: string;
  firearmType?: string;
  colour?: string;
  year?: number;
  title?: string;
  artistOrCulture?: string;
  objectType?: string;
}

export interface SearchBody {
  identifier?: string;
  list?: ListName;
  fields?: SearchFields;
  oneEdit?: boolean;
  limit?: number;
  onBehalfOfOrgId?: string;
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
  search: (body: SearchBody) => api.post<{ queryId: string; hits: SearchHit[] }>(`${BASE}/search`, body),
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
};

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
