import { api, withQuery } from '../../app/api.ts';
import type { HelpdeskStats, Priority, RequestDetail, RequestStatus, RequestSummary, RequestType } from '../../../../server/desk/helpdesk/helpdesk-view.ts';

export { I2C_MOVES, PRIORITIES, REQUEST_TYPES, STATUSES, OPEN_STATUSES, canUseHelpdesk, FIRST_RESPONSE_HOURS, resolutionHours } from '../../../../server/desk/helpdesk/helpdesk-view.ts';
export type { HelpdeskStats, Priority, RequestDetail, RequestStatus, RequestSummary, RequestType };
export type { RequestClock, ThreadEntry, ScreeningLink } from '../../../../server/desk/helpdesk/helpdesk-view.ts';

export interface QueueFilters {
  status?: string;
  type?: string;
  priority?: string;
  assignee?: string;
  region?: string;
  overdue?: 'true';
  q?: string;
}

export interface NewRequest {
  type: RequestType;
  priority: Priority;
  subject: string;
  body: string;
  search: { identifier: string; list: string | null } | null;
}

const BASE = '/desk';
// Query keys start with "desk": a notice linking to /desk/... refreshes them (live-events.ts).
export const helpdeskKeys = {
  all: ['desk', 'helpdesk'] as const,
  queue: (f: QueueFilters, page: number) => ['desk', 'helpdesk', 'queue', f, page] as const,
  one: (id: string) => ['desk', 'helpdesk', 'request', id] as const,
  stats: (from?: string, to?: string) => ['desk', 'helpdesk', 'stats', from, to] as const,
  staff: ['desk', 'helpdesk', 'staff'] as const,
};

export const PAGE_SIZE = 50;
export const helpdeskApi = {
  queue: (f: QueueFilters, offset = 0) => api.get<{ requests: RequestSummary[]; total: number }>(withQuery(`${BASE}/requests`, { ...f, limit: PAGE_SIZE, offset })),
  create: (input: NewRequest) => api.post<{ id: string; reference: string }>(`${BASE}/requests`, input),
  get: (id: string) => api.get<RequestDetail>(`${BASE}/requests/${id}`),
  reply: (id: string, body: string, internal: boolean) => api.post<RequestDetail>(`${BASE}/requests/${id}/messages`, { body, internal }),
  setStatus: (id: string, status: RequestStatus, note: string) => api.post<RequestDetail>(`${BASE}/requests/${id}/status`, { status, note }),
  manage: (id: string, change: { assigneeId?: string | null; priority?: Priority }) => api.patch<RequestDetail>(`${BASE}/requests/${id}`, change),
  close: (id: string, satisfaction: number | null, comment: string) => api.post<RequestDetail>(`${BASE}/requests/${id}/close`, { satisfaction, comment }),
  runSearch: (id: string) => api.post<RequestDetail>(`${BASE}/requests/${id}/screening`, {}),
  stats: (from?: string, to?: string) => api.get<HelpdeskStats>(withQuery(`${BASE}/stats`, { from, to })),
  staff: () => api.get<{ officers: { id: string; name: string }[] }>(`${BASE}/staff`),
  fileUrl: (id: string, fileId: string) => `/api/v1${BASE}/requests/${id}/files/${fileId}`,
  filePath: (id: string, name: string) => `${BASE}/requests/${id}/files?name=${encodeURIComponent(name)}`,
};
