// The outbox API's shapes (national node only), the contract between the national server and its pages.
// Routes (under /api/v1/national; reads need ncp or admin, actions need admin or ncp):
//   GET  /outbox?state=&limit=&offset=      → OutboxPage
//   POST /outbox/:id/retry                  → OutboxItem (a failed or waiting row is sent at once)
//   POST /outbox/pause   { paused: boolean } → OutboxStatus (a paused outbox sends nothing; rows keep queueing)
//   GET  /seizures/:seizureId/hub            → HubState (the seizure's state on the hub, as last known here)

/** One change of one seizure, in order per seizure. */
export const OUTBOX_OPERATIONS = ['create', 'update', 'withdraw'] as const;
export type OutboxOperation = (typeof OUTBOX_OPERATIONS)[number];

/**
 * pending: waiting its turn or its next attempt; sent: the hub took it; failed: the hub refused it for good
 * (401, 403, 404, 409, 422) and an officer must act (correct the seizure, renew the token) then retry;
 * superseded: a later change of the same seizure made it pointless before it was sent.
 */
export const OUTBOX_STATES = ['pending', 'sent', 'failed', 'superseded'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxItem {
  id: string; // sequence number, as text
  seizureId: string;
  seizureReference: string;
  operation: OutboxOperation;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null; // the hub's answer (status and problem detail) or the network error
  hubStatus: number | null; // HTTP status of the last attempt
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxStatus {
  paused: boolean;
  hubUrl: string | null; // null when OPENCEN_HUB_URL is not set: nothing can be sent
  counts: Record<OutboxState, number>;
}

export interface OutboxPage extends OutboxStatus {
  items: OutboxItem[];
  total: number;
}

/** What the national node knows of one of its seizures on the hub. */
export interface HubState {
  seizureId: string;
  /** not_sent: never queued (a draft); queued: waiting in the outbox; on_hub: the hub has it; failed: refused, see the outbox. */
  state: 'not_sent' | 'queued' | 'on_hub' | 'withdrawn' | 'failed';
  hubId: string | null;
  hubReference: string | null;
  /** The hub's workflow state: submitted (with the RILO), validated, returned (with the RILO's comment). */
  hubStatus: 'submitted' | 'validated' | 'returned' | null;
  hubComment: string | null;
  checkedAt: string | null;
  lastError: string | null;
}
