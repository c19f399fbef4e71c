import { API_BASE, api, uploadRaw as uploadAs, withQuery } from '../app/api.ts';

/** The API of /api/v1/operations (CENcomm), as the server's zod schemas describe it. */
export const OPERATION_STATUSES = ['planned', 'active', 'closed', 'archived'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
export const OPERATION_ROLES = ['ocu_plus', 'ocu', 'ncp', 'pu'] as const;
export type OperationRole = (typeof OPERATION_ROLES)[number];
export const ADDRESS_MODES = ['ncps', 'country', 'all', 'chosen'] as const;
export type AddressMode = (typeof ADDRESS_MODES)[number];
export const MAX_ATTACHMENTS = 10;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const BUILT_IN_FOLDERS = ['inbox', 'outbox', 'bin'] as const;

/** Global roles that may open an operation (the server's ORGANISERS). */
export const ORGANISER_ROLES = ['admin', 'rilo_analyst', 'i2c_officer'] as const;
export const canOrganise = (roles: readonly string[]) => roles.some((r) => (ORGANISER_ROLES as readonly string[]).includes(r));
/** What each operation role may do, as the server decides it. */
export const mayManage = (role: string | undefined) => role === 'ocu_plus';
export const maySeeEverything = (role: string | undefined) => role === 'ocu_plus' || role === 'ocu';

export interface Operation {
  id: string;
  code: string;
  name: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  status: OperationStatus;
  organiserOrgId: string;
  organiserName: string;
  newsletterHour: number;
  newsletterTimeZone: string;
  myRole: OperationRole;
  memberCount: number;
  unread: number;
}

export interface OperationInput {
  code: string;
  name: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
  status: OperationStatus;
}

export interface Member {
  userId: string;
  displayName: string;
  username: string;
  orgName: string;
  country: string | null;
  role: OperationRole;
  addedAt: string;
  /** An account an OCU+ created for this operation: its password may be reset here. */
  createdForGroup: boolean;
}

export interface Candidate {
  id: string;
  displayName: string;
  username: string;
  orgName: string;
}

export interface Folder {
  id: string;
  name: string;
  total: number;
  unread: number;
  builtIn: boolean;
}

export interface Attachment {
  id: string;
  name: string;
  mime: string;
  size: number;
}

export interface MessageSummary {
  id: string;
  subject: string;
  senderId: string;
  senderName: string;
  senderCountry: string | null;
  sentAt: string;
  read: boolean;
  folder: string;
  attachments: number;
  recipientCount: number;
}

export interface Message extends MessageSummary {
  operationId: string;
  body: string;
  addressedTo: AddressMode;
  replyToId: string | null;
  forwardedFromId: string | null;
  recipients: { userId: string; displayName: string }[];
  attachmentList: Attachment[];
}

export interface MailboxPage {
  items: MessageSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MailboxQuery {
  folder: string;
  q?: string;
  unread?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export interface ComposeInput {
  to: { mode: AddressMode; userIds?: string[] };
  subject: string;
  body: string;
  replyToId?: string;
  forwardOfId?: string;
  attachmentIds: string[];
}

export interface ReadStatus {
  read: number;
  unread: number;
  recipients: { userId: string; displayName: string; country: string | null; readAt: string | null }[];
}

export interface LibraryFolder {
  id: string;
  name: string;
  files: number;
}

export interface LibraryFile {
  id: string;
  folderId: string | null;
  name: string;
  mime: string;
  size: number;
  uploadedBy: string | null;
  uploadedById: string | null;
  uploadedAt: string;
}

export interface LibraryListing {
  folders: LibraryFolder[];
  files: LibraryFile[];
}

export interface GroupUserInput {
  username: string;
  displayName: string;
  email: string;
  role: OperationRole;
}

export interface TemporaryPassword {
  userId: string;
  username: string;
  temporaryPassword: string;
}

const BASE = '/operations';
const op = (opId: string) => `${BASE}/${opId}`;

export const commKeys = {
  all: ['comm'] as const,
  operations: ['comm', 'operations'] as const,
  operation: (opId: string) => ['comm', 'operation', opId] as const,
  members: (opId: string) => ['comm', 'operation', opId, 'members'] as const,
  candidates: (opId: string, q: string) => ['comm', 'operation', opId, 'candidates', q] as const,
  folders: (opId: string) => ['comm', 'operation', opId, 'folders'] as const,
  messages: (opId: string, q?: MailboxQuery) => (q ? (['comm', 'operation', opId, 'messages', q] as const) : (['comm', 'operation', opId, 'messages'] as const)),
  message: (opId: string, messageId: string) => ['comm', 'operation', opId, 'message', messageId] as const,
  readStatus: (opId: string, messageId: string) => ['comm', 'operation', opId, 'read-status', messageId] as const,
  library: (opId: string, folder?: string) => ['comm', 'operation', opId, 'library', folder ?? ''] as const,
};

export const commApi = {
  operations: () => api.get<{ items: Operation[] }>(BASE),
  createOperation: (input: OperationInput) => api.post<Operation>(BASE, input),
  operation: (opId: string) => api.get<Operation>(op(opId)),
  updateOperation: (opId: string, input: OperationInput) => api.put<Operation>(op(opId), input),

  members: (opId: string) => api.get<{ items: Member[] }>(`${op(opId)}/members`),
  candidates: (opId: string, q: string) => api.get<{ items: Candidate[] }>(withQuery(`${op(opId)}/candidates`, { q })),
  addMember: (opId: string, userId: string, role: OperationRole) => api.post<{ items: Member[] }>(`${op(opId)}/members`, { userId, role }),
  setRole: (opId: string, userId: string, role: OperationRole) => api.put<{ items: Member[] }>(`${op(opId)}/members/${userId}`, { role }),
  removeMember: (opId: string, userId: string) => api.delete(`${op(opId)}/members/${userId}`),
  createGroupUser: (opId: string, input: GroupUserInput) => api.post<TemporaryPassword>(`${op(opId)}/users`, input),
  resetGroupUser: (opId: string, userId: string) => api.post<TemporaryPassword>(`${op(opId)}/members/${userId}/reset-password`),

  folders: (opId: string) => api.get<{ items: Folder[] }>(`${op(opId)}/folders`),
  createFolder: (opId: string, name: string) => api.post<{ items: Folder[] }>(`${op(opId)}/folders`, { name }),
  deleteFolder: (opId: string, folderId: string) => api.delete(`${op(opId)}/folders/${folderId}`),
  messages: (opId: string, q: MailboxQuery) => api.get<MailboxPage>(withQuery(`${op(opId)}/messages`, { ...q })),
  message: (opId: string, messageId: string) => api.get<Message>(`${op(opId)}/messages/${messageId}`),
  readStatus: (opId: string, messageId: string) => api.get<ReadStatus>(`${op(opId)}/messages/${messageId}/read-status`),
  send: (opId: string, input: ComposeInput) => api.post<Message>(`${op(opId)}/messages`, input),
  move: (opId: string, messageId: string, folder: string) => api.post<void>(`${op(opId)}/messages/${messageId}/move`, { folder }),

  library: (opId: string, folder?: string) => api.get<LibraryListing>(withQuery(`${op(opId)}/library`, { folder })),
  createLibraryFolder: (opId: string, name: string) => api.post<LibraryListing>(`${op(opId)}/library/folders`, { name }),
  removeLibraryFolder: (opId: string, folderId: string) => api.delete(`${op(opId)}/library/folders/${folderId}`),
  removeDocument: (opId: string, docId: string) => api.delete(`${op(opId)}/library/documents/${docId}`),
};

export const attachmentUrl = (opId: string, messageId: string, fileId: string) => `${API_BASE}${op(opId)}/messages/${messageId}/attachments/${fileId}`;
export const documentUrl = (opId: string, docId: string) => `${API_BASE}${op(opId)}/library/documents/${docId}`;
export const attachmentUploadPath = (opId: string, name: string) => withQuery(`${op(opId)}/attachments`, { name });
export const documentUploadPath = (opId: string, name: string, folder?: string) => withQuery(`${op(opId)}/library/documents`, { name, folder });

/** Always as octet-stream: the server takes any type, and a JSON file must not be parsed as a request. */
export function uploadRaw<T>(path: string, file: Blob, csrf: string | null, onProgress?: (fraction: number) => void): Promise<T> {
  return uploadAs<T>(path, file, 'application/octet-stream', csrf, onProgress);
}

/** "1.2 MB" in the interface language. */
export function fileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}
