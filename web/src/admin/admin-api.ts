import { api, withQuery } from '../app/api.ts';

export { ORG_KINDS, type OrgKind, type UserView as User } from '../../../server/identity/directory-view.ts';
import type { OrgKind, UserView as User } from '../../../server/identity/directory-view.ts';
export type { AuditLogEntry as AuditEntry, ChainVerdict as ChainVerification } from '../../../server/identity/audit-view.ts';
import type { AuditLogEntry as AuditEntry, ChainVerdict as ChainVerification } from '../../../server/identity/audit-view.ts';

export interface Org {
  id: string;
  name: string;
  shortName: string;
  kind: OrgKind;
  country: string | null;
  region: string | null;
  userCount: number;
}

export interface OrgInput {
  name: string;
  shortName: string;
  kind: OrgKind;
  country: string | null;
  region: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  email: string;
  orgId: string;
  roles: string[];
  password: string;
}

export interface UserChange {
  displayName?: string;
  orgId?: string;
  roles?: string[];
  disabled?: boolean;
}

export interface UserFilter {
  q: string;
  orgId: string;
  role: string;
  page: number;
  pageSize: number;
}

export interface ApiToken {
  id: string;
  name: string;
  userId: string;
  username: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
}

export interface AuditFilter {
  actor: string;
  action: string;
  targetType: string;
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

export const adminApi = {
  organisations: () => api.get<{ items: Org[] }>('/admin/organisations'),
  createOrganisation: (input: OrgInput) => api.post<Org>('/admin/organisations', input),
  updateOrganisation: (id: string, input: Partial<OrgInput>) => api.patch<Org>(`/admin/organisations/${encodeURIComponent(id)}`, input),

  users: (filter: UserFilter) => api.get<{ items: User[]; total: number }>(withQuery('/admin/users', { ...filter })),
  createUser: (input: NewUser) => api.post<User>('/admin/users', input),
  updateUser: (id: string, change: UserChange) => api.patch<User>(`/admin/users/${encodeURIComponent(id)}`, change),
  resetPassword: (id: string) => api.post<{ temporaryPassword: string }>(`/admin/users/${encodeURIComponent(id)}/reset-password`),
  unlockUser: (id: string) => api.post<void>(`/admin/users/${encodeURIComponent(id)}/unlock`),

  tokens: () => api.get<{ items: ApiToken[] }>('/admin/tokens'),
  issueToken: (input: { name: string; userId: string; expiresInDays?: number }) => api.post<ApiToken & { token: string }>('/admin/tokens', input),
  revokeToken: (id: string) => api.delete(`/admin/tokens/${encodeURIComponent(id)}`),

  audit: (filter: AuditFilter) => api.get<{ items: AuditEntry[]; total: number }>(withQuery('/admin/audit', { ...filter })),
  verifyAudit: () => api.get<ChainVerification>('/admin/audit/verify'),
};

export const adminKeys = {
  organisations: ['admin', 'organisations'] as const,
  users: (filter?: UserFilter) => (filter ? (['admin', 'users', filter] as const) : (['admin', 'users'] as const)),
  tokens: ['admin', 'tokens'] as const,
  audit: (filter?: AuditFilter) => (filter ? (['admin', 'audit', filter] as const) : (['admin', 'audit'] as const)),
};
