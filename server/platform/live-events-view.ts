/**
 * Every realtime event the server sends on the event stream, with its payload: one list for the server
 * (EventBus.publish takes only these) and the web app (onLive listens only to these). Dependency-free, so
 * that the browser bundle imports it. A new event is added here, and gets a listener in the web app.
 */
export interface LiveEvents {
  /** The profile changed in another tab or device. */
  'profile.updated': { userId: string; language: string };
  /** Something a user is told about (identity's notices): title, body and the app path of the item. */
  notification: { title: string; body: string; link: string; [extra: string]: unknown };
  'comm.message': { operationId: string; messageId: string; subject: string; senderId: string };
  'comm.read': { operationId: string; messageId: string };
  /** A case (a sent warning) was answered or closed by hand. */
  'comm.case': { operationId: string; warningId: string; answerId?: string };
  'comm.library': { operationId: string; fileId: string };
  /** A seizure import's progress, about once a second while it is checked or committed. */
  /** An alert reached the administration (the inbox reloads; the content is read through the API). */
  'alert.circulated': { alertId: string; reference: string };
  /** A help-desk request changed (a message, a status, a search result): its open pages reload it. */
  'desk.request': { requestId: string; reference: string };
  'seizure.import': { id: string; status: string; progress: number; processedRows: number; validRows: number; errorRows: number; nominalRows: number; [extra: string]: unknown };
}

export type LiveEventName = keyof LiveEvents;

export const LIVE_EVENT_NAMES = ['profile.updated', 'notification', 'comm.message', 'comm.read', 'comm.case', 'comm.library', 'alert.circulated', 'desk.request', 'seizure.import'] as const satisfies readonly LiveEventName[];

// Every name of the interface is in the list (a compile error otherwise).
type Missing = Exclude<LiveEventName, (typeof LIVE_EVENT_NAMES)[number]>;
export const LIVE_EVENT_NAMES_COMPLETE: Missing extends never ? true : never = true;
