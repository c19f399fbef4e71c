import { api, withQuery } from '../../app/api.ts';
import type { DataRequest, DataRequestScope, DataRequestStatus, Decision, ExtractFormat } from '../../../../server/desk/data-requests/data-requests-view.ts';

export { DATA_REQUEST_STATUSES, EXTRACT_FORMATS, EXTRACT_REGIONS, LINK_DAYS, canFileDataRequest } from '../../../../server/desk/data-requests/data-requests-view.ts';
export { EXTRACT_FIELDS, EXTRACT_CATEGORIES } from '../../../../server/seizures/extract-view.ts';
export type { DataRequest, DataRequestScope, DataRequestStatus, Decision, ExtractFormat };

export interface NewDataRequest extends DataRequestScope {
  purpose: string;
  format: ExtractFormat;
}

const BASE = '/data-requests';
export const dataRequestKeys = {
  all: ['desk', 'data-requests'] as const,
  list: (status: string) => ['desk', 'data-requests', 'list', status] as const,
  one: (id: string) => ['desk', 'data-requests', 'one', id] as const,
  fields: ['desk', 'data-requests', 'fields'] as const,
};

export const dataRequestsApi = {
  list: (status?: string) => api.get<{ requests: DataRequest[] }>(withQuery(BASE, { status })),
  get: (id: string) => api.get<DataRequest>(`${BASE}/${id}`),
  create: (input: NewDataRequest) => api.post<DataRequest>(BASE, input),
  decide: (id: string, body: { decision: Decision; reason: string; scope?: DataRequestScope }) => api.post<DataRequest>(`${BASE}/${id}/decision`, body),
  fulfil: (id: string) => api.post<DataRequest>(`${BASE}/${id}/fulfil`),
  fields: () => api.get<{ minCell: number }>(`${BASE}/fields`),
};
