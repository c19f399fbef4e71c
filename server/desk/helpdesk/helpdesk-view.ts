// The help desk's vocabulary, response-time targets and wire types (dependency-free: the web app imports it too).

/** What a member may ask the I2C for. */
export const REQUEST_TYPES = ['contact', 'watch_list_search', 'firearm_trace', 'gran_alert', 'advice', 'data_request', 'other'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const STATUSES = ['new', 'in_progress', 'waiting_member', 'resolved', 'closed'] as const;
export type RequestStatus = (typeof STATUSES)[number];
export const OPEN_STATUSES: readonly RequestStatus[] = ['new', 'in_progress', 'waiting_member'];
/** The statuses the I2C may move a request to, from each status (the member only closes, or reopens by replying). */
export const I2C_MOVES: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['in_progress', 'waiting_member', 'resolved', 'closed'],
  in_progress: ['waiting_member', 'resolved', 'closed'],
  waiting_member: ['in_progress', 'resolved', 'closed'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};
export const ENTRY_KINDS = ['message', 'note', 'status', 'assignment', 'priority', 'screening', 'file'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Who may open a request: members' officers and partner agencies (the I2C answers them). */
export const HELPDESK_REQUESTERS = ['admin', 'ncp', 'rilo_analyst', 'partner'] as const;
export const canUseHelpdesk = (roles: readonly string[]) => roles.includes('i2c_officer') || HELPDESK_REQUESTERS.some((r) => roles.includes(r));

/**
 * Response-time targets in hours. The first answer depends on the priority only; the resolution on the type
 * (how long the work takes: a contact is quick, a firearm trace waits on other services) scaled by the priority.
 */
export const FIRST_RESPONSE_HOURS: Record<Priority, number> = { urgent: 1, high: 4, normal: 24, low: 48 };
export const RESOLUTION_HOURS: Record<RequestType, number> = { contact: 24, watch_list_search: 8, firearm_trace: 120, gran_alert: 48, advice: 72, data_request: 240, other: 72 };
export const PRIORITY_FACTOR: Record<Priority, number> = { urgent: 0.25, high: 0.5, normal: 1, low: 2 };
export const resolutionHours = (type: RequestType, priority: Priority) => RESOLUTION_HOURS[type] * PRIORITY_FACTOR[priority];

/** Where a request's clock stands: the target it runs against now, and whether it is paused or met. */
export interface RequestClock {
  target: 'first_response' | 'resolution' | 'none';
  /** The due time of the target, with the time spent waiting for the member added. */
  dueAt: string | null;
  /** Waiting for the member: the clock does not run. */
  paused: boolean;
  overdue: boolean;
  /** Whether the first answer and the resolution came within their targets (null until they happen). */
  firstResponseMet: boolean | null;
  resolutionMet: boolean | null;
}

export interface RequestSummary {
  id: string;
  reference: string;
  type: RequestType;
  priority: Priority;
  status: RequestStatus;
  subject: string;
  orgId: string;
  orgName: string;
  country: string | null;
  region: string | null;
  createdBy: string;
  createdByName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  satisfaction: number | null;
  clock: RequestClock;
}

export interface ScreeningLink {
  queryId: string;
  identifier: string;
  list: string | null;
  hits: { list: string; recordId: string; match: string; detail: string }[];
}

export interface ThreadEntry {
  id: string;
  kind: EntryKind;
  authorId: string;
  authorName: string;
  authorOrgName: string;
  fromI2c: boolean;
  body: string;
  detail: { status?: RequestStatus; from?: RequestStatus; assigneeName?: string | null; priority?: Priority; fileId?: string; fileName?: string; size?: number; screening?: ScreeningLink };
  createdAt: string;
}

export interface RequestDetail extends RequestSummary {
  search: { identifier: string; list: string | null } | null;
  satisfactionComment: string;
  entries: ThreadEntry[];
  /** What the signed-in user may do with this request now. */
  can: { reply: boolean; note: boolean; manage: boolean; runSearch: boolean; close: boolean };
}

export interface HelpdeskStats {
  from: string;
  to: string;
  total: number;
  open: number;
  byType: { type: RequestType; count: number }[];
  byRegion: { region: string | null; count: number }[];
  byStatus: { status: RequestStatus; count: number }[];
  /** Medians in minutes over the requests of the period that had one (null when none had). */
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  /** Share of answered requests answered within the target (0..1). */
  firstResponseWithinTarget: number | null;
  satisfactionAverage: number | null;
  satisfactionCount: number;
}
