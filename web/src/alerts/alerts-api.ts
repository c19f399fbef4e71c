import { api, withQuery } from '../app/api.ts';
import type { AlertAck, AlertContent, AlertRecipient, DistributionList, AlertStatus, AlertSummary, Feedback, GlobalStatus, HandlingCode, RiskArea, SourceReliability, Targets } from '../../../server/alerts/alert-view.ts';

export { FEEDBACK, HANDLING_CODES, INFO_CREDIBILITY, RISK_AREAS, ROUTE_ROLES, SOURCE_RELIABILITY, TLP_OF, TRANSPORT_MODES } from '../../../server/alerts/alert-view.ts';
export type { AlertAck, AlertRecipient, DistributionList, AlertStatus, AlertSummary, Feedback, GlobalStatus, HandlingCode, RiskArea, SourceReliability, Targets };

/** The WCO regions an alert may be circulated to. */
export const WCO_REGIONS = ['ESA', 'WCA', 'MENA', 'EUR', 'AP', 'AMC'] as const;
export const BOXES = ['inbox', 'mine', 'review', 'global'] as const;
export type Box = (typeof BOXES)[number];

export type AlertInput = AlertContent;

export interface AlertFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  kind: 'photo' | 'attachment';
}

export interface AlertCan {
  edit: boolean;
  submit: boolean;
  review: boolean;
  circulate: boolean;
  decideGlobal: boolean;
  acknowledge: boolean;
  forward: boolean;
  export: boolean;
  withdraw: boolean;
  seeAcks: boolean;
}

/** One alert as GET /api/v1/alerts/:id answers it (server/alerts/schema.ts alertView). */
export interface Alert extends AlertSummary {
  language: string;
  commodities: { hsCode: string; description: string }[];
  modusOperandi: string;
  concealmentMethods: string[];
  detectionMethods: string[];
  route: { role: string; country: string; place: string }[];
  transportMode: string | null;
  conveyance: string | null;
  indicators: string[];
  recommendedAction: string;
  seizures: { id: string; reference: string; seizedAt: string }[];
  warningNumbers: string[];
  authorOrgId: string;
  authorName: string;
  returnComment: string | null;
  targets: Targets | null;
  version: number;
  files: AlertFile[];
  can: AlertCan;
  myAck: { acknowledgedAt: string; feedback: Feedback | null; feedbackSeizureId: string | null; feedbackComment: string | null } | null;
  history: { at: string; userName: string | null; action: string; comment: string | null }[];
}

export interface AlertFilters {
  q?: string;
  riskArea?: string;
  region?: string;
  handling?: string;
  from?: string;
  to?: string;
  acknowledged?: '' | 'yes' | 'no';
}


export interface OrganisationOption {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  country: string | null;
}

const BASE = '/alerts';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const MAX_ALERT_FILE_BYTES = 15 * 1024 * 1024;
export const fileUrl = (alertId: string, fileId: string) => `/api/v1${one(alertId)}/files/${encodeURIComponent(fileId)}`;

export const alertsApi = {
  list: (box: Box, f: AlertFilters) => api.get<{ alerts: AlertSummary[] }>(withQuery(BASE, { box, ...f })),
  get: (id: string) => api.get<Alert>(one(id)),
  create: (input: AlertInput) => api.post<{ id: string }>(BASE, input),
  update: (id: string, input: AlertInput, version: number) => api.put<Alert>(one(id), { ...input, version }),
  submit: (id: string) => api.post<Alert>(`${one(id)}/submit`, {}),
  returnToAuthor: (id: string, comment: string) => api.post<Alert>(`${one(id)}/return`, { comment }),
  circulate: (id: string, targets: Targets) => api.post<Alert>(`${one(id)}/circulate`, targets),
  decideGlobal: (id: string, approve: boolean, comment: string | null) => api.post<Alert>(`${one(id)}/global`, { approve, comment }),
  forward: (id: string, orgIds: string[]) => api.post<Alert>(`${one(id)}/forward`, { orgIds }),
  withdraw: (id: string, comment: string) => api.post<Alert>(`${one(id)}/withdraw`, { comment }),
  acknowledge: (id: string, body: { feedback: Feedback | null; seizureId: string | null; comment: string | null }) => api.post<Alert>(`${one(id)}/ack`, body),
  recipients: (id: string) => api.get<{ recipients: AlertRecipient[] }>(`${one(id)}/recipients`),
  acks: (id: string) => api.get<{ acks: AlertAck[] }>(`${one(id)}/acks`),
  removeFile: (id: string, fileId: string) => api.delete(`${one(id)}/files/${encodeURIComponent(fileId)}`),
  lists: () => api.get<{ lists: DistributionList[] }>('/alert-lists'),
  createList: (input: { name: string; orgIds: string[] }) => api.post<{ id: string }>('/alert-lists', input),
  updateList: (id: string, input: { name: string; orgIds: string[] }) => api.put<{ id: string }>(`/alert-lists/${encodeURIComponent(id)}`, input),
  removeList: (id: string) => api.delete(`/alert-lists/${encodeURIComponent(id)}`),
  /** The organisations a writer may name as recipients. */
  organisations: () => api.get<{ items: OrganisationOption[] }>('/alerts/organisations'),
};

export const alertKeys = {
  all: ['alerts'] as const,
  list: (box: Box, f: AlertFilters) => ['alerts', 'list', box, f] as const,
  one: (id: string) => ['alerts', 'one', id] as const,
  recipients: (id: string) => ['alerts', 'recipients', id] as const,
  acks: (id: string) => ['alerts', 'acks', id] as const,
  lists: ['alerts', 'lists'] as const,
  organisations: ['alerts', 'organisations'] as const,
};

/** Roles, as server/alerts/access.ts and routes.ts grant them. */
export const ALERT_READERS = ['ncp', 'rilo_analyst', 'i2c_officer', 'partner', 'viewer'] as const;
export const ALERT_WRITERS = ['ncp', 'rilo_analyst', 'i2c_officer'] as const;
const hasAny = (roles: readonly string[], allowed: readonly string[]) => roles.some((r) => allowed.includes(r));
export const canReadAlerts = (roles: readonly string[]) => hasAny(roles, ALERT_READERS);
export const canWriteAlerts = (roles: readonly string[]) => hasAny(roles, ALERT_WRITERS);
export const canReviewAlerts = (roles: readonly string[]) => roles.includes('rilo_analyst');
export const canDecideGlobal = (roles: readonly string[]) => roles.includes('i2c_officer');
export const canKeepLists = (roles: readonly string[]) => hasAny(roles, ['rilo_analyst', 'i2c_officer']);

/** The 4×4 grading as analysts write it: "B2". */
export const grading = (a: { sourceReliability: string; infoCredibility: number }) => `${a.sourceReliability}${a.infoCredibility}`;
