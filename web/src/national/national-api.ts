import { api, request, withQuery } from '../app/api.ts';
import type {
  CaseStatus,
  CaseSummary,
  CaseView,
  Candidate,
  EntityFields,
  EntityKind,
  EntityLinkKind,
  EntitySearchResult,
  EntitySummary,
  EntityView,
  Graph,
  ParticipationRole,
} from '../../../server/national/entity-view.ts';
import type { OutboxItem, OutboxPage, OutboxState, OutboxStatus } from '../../../server/national/outbox-view.ts';

/** The nCEN API of /api/v1/national (national node only), with the server's own shapes and vocabularies. */
export { CASE_STATUSES, DOCUMENT_TYPES, ENTITY_KINDS, ENTITY_LINK_KINDS, LEGAL_FORMS, PARTICIPATION_ROLES, PERSON_GENDERS, RETENTION_YEARS, TRANSPORT_TYPES } from '../../../server/national/entity-view.ts';
export type {
  Address,
  Candidate,
  CaseStatus,
  CaseSummary,
  CaseView,
  CompanyFields,
  DocumentFields,
  EntityFields,
  EntityKind,
  EntityLinkKind,
  EntitySearchResult,
  EntitySummary,
  EntityView,
  FieldWarning,
  Graph,
  GraphEdge,
  GraphNode,
  IdentityDocument,
  ParticipationRole,
  PersonFields,
  TransportFields,
  WatchListHit,
} from '../../../server/national/entity-view.ts';
export { OUTBOX_OPERATIONS, OUTBOX_STATES } from '../../../server/national/outbox-view.ts';
export type { OutboxItem, OutboxOperation, OutboxPage, OutboxState, OutboxStatus } from '../../../server/national/outbox-view.ts';

/** The search of GET /entities: free text (name), or an identifier, a phone number or an e-mail address. */
export interface EntitySearch {
  q?: string;
  kind?: EntityKind;
  identifier?: string;
  phone?: string;
  email?: string;
}

/** What POST /cases takes, and PUT /cases/:id again (the officer in charge included). */
export interface CaseInput {
  offenceType: string;
  legalBasis: string;
  status: CaseStatus;
  summary: string | null;
  officerId?: string;
}

const BASE = '/national';
const entity = (id: string) => `${BASE}/entities/${encodeURIComponent(id)}`;
const theCase = (id: string) => `${BASE}/cases/${encodeURIComponent(id)}`;

export const nationalApi = {
  search: (search: EntitySearch, purpose: string) => api.get<EntitySearchResult>(withQuery(`${BASE}/entities`, { ...search, purpose })),
  candidates: (kind: EntityKind, fields: EntityFields, purpose: string, excludeId?: string) =>
    api.post<{ candidates: Candidate[] }>(`${BASE}/entities/candidates`, { kind, fields, purpose, ...(excludeId ? { excludeId } : {}) }),
  create: (kind: EntityKind, fields: EntityFields, purpose: string) => api.post<EntityView>(`${BASE}/entities`, { kind, fields, purpose }),
  get: (id: string, purpose: string) => api.get<EntityView>(withQuery(entity(id), { purpose })),
  update: (id: string, fields: EntityFields, version: number, purpose: string) => api.put<EntityView>(entity(id), { fields, version, purpose }),
  remove: (id: string, reason: string) => request<void>('DELETE', entity(id), { reason }),
  keep: (id: string, reason: string) => api.post<EntityView>(`${entity(id)}/keep`, { reason }),
  addSeizure: (id: string, seizureId: string, role: ParticipationRole) => api.post<EntityView>(`${entity(id)}/seizures`, { seizureId, role }),
  removeSeizure: (id: string, seizureId: string, role: ParticipationRole) =>
    api.delete<EntityView>(`${entity(id)}/seizures/${encodeURIComponent(seizureId)}/${encodeURIComponent(role)}`),
  addLink: (id: string, toId: string, kind: EntityLinkKind) => api.post<EntityView>(`${entity(id)}/links`, { toId, kind }),
  removeLink: (id: string, linkId: string) => api.delete<EntityView>(`${entity(id)}/links/${encodeURIComponent(linkId)}`),
  merge: (id: string, otherId: string, reason: string) => api.post<EntityView>(`${entity(id)}/merge`, { otherId, reason }),
  undoMerge: (mergeId: string, reason: string) => api.post<EntityView>(`${BASE}/merges/${encodeURIComponent(mergeId)}/undo`, { reason }),
  review: (before: string | undefined, purpose: string) => api.get<{ entities: EntitySummary[] }>(withQuery(`${BASE}/review`, { before, purpose })),
  graph: (from: string, hops: number, purpose: string) => api.get<Graph>(withQuery(`${BASE}/graph`, { from, hops, purpose })),
  cases: (status: CaseStatus | undefined, q: string | undefined) => api.get<{ cases: CaseSummary[] }>(withQuery(`${BASE}/cases`, { status, q })),
  createCase: (input: CaseInput) => api.post<CaseView>(`${BASE}/cases`, input),
  getCase: (id: string, purpose: string) => api.get<CaseView>(withQuery(theCase(id), { purpose })),
  updateCase: (id: string, input: Required<CaseInput>) => api.put<CaseView>(theCase(id), input),
  addCaseSeizure: (id: string, seizureId: string) => api.post<CaseView>(`${theCase(id)}/seizures`, { seizureId }),
  removeCaseSeizure: (id: string, seizureId: string) => api.delete<CaseView>(`${theCase(id)}/seizures/${encodeURIComponent(seizureId)}`),
  addCaseEntity: (id: string, entityId: string, role: ParticipationRole) => api.post<CaseView>(`${theCase(id)}/entities`, { entityId, role }),
  removeCaseEntity: (id: string, entityId: string, role: ParticipationRole) =>
    api.delete<CaseView>(`${theCase(id)}/entities/${encodeURIComponent(entityId)}/${encodeURIComponent(role)}`),
  outbox: (state: OutboxState | undefined, limit: number, offset: number) => api.get<OutboxPage>(withQuery(`${BASE}/outbox`, { state, limit, offset })),
  retry: (id: string) => api.post<OutboxItem>(`${BASE}/outbox/${encodeURIComponent(id)}/retry`),
  pause: (paused: boolean) => api.post<OutboxStatus>(`${BASE}/outbox/pause`, { paused }),
};

export const nationalKeys = {
  all: ['national'] as const,
  search: (search: EntitySearch, purpose: string) => ['national', 'search', search, purpose] as const,
  candidates: (kind: EntityKind, fields: string, purpose: string) => ['national', 'candidates', kind, fields, purpose] as const,
  entity: (id: string) => ['national', 'entity', id] as const,
  entityRead: (id: string, purpose: string) => ['national', 'entity', id, purpose] as const,
  review: (before: string, purpose: string) => ['national', 'review', before, purpose] as const,
  graph: (from: string, hops: number, purpose: string) => ['national', 'graph', from, hops, purpose] as const,
  cases: (status: string, q: string) => ['national', 'cases', status, q] as const,
  case: (id: string) => ['national', 'case', id] as const,
  caseRead: (id: string, purpose: string) => ['national', 'case', id, purpose] as const,
  outbox: ['national', 'outbox'] as const,
  outboxPage: (state: string, offset: number) => ['national', 'outbox', state, offset] as const,
};
