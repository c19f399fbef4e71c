// What the audit log API answers, without runtime imports: the server builds these and the web app reads them.

/** An entry as administrators browse it: the actor's username joined in, the id and time as strings. */
export interface AuditLogEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  orgId: string | null;
  onBehalfOfOrgId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
  ip: string | null;
  requestId: string | null;
}

/** Whether the hash chain holds, and the first row where it does not. */
export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
}
