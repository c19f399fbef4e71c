import type { QueryClient } from '@tanstack/react-query';
import { commKeys } from './comm-api.ts';

interface CommEvent {
  operationId?: string;
  messageId?: string;
  subject?: string;
}

function read(event: Event): CommEvent {
  try {
    const data: unknown = JSON.parse((event as MessageEvent<string>).data);
    return data && typeof data === 'object' ? (data as CommEvent) : {};
  } catch {
    return {};
  }
}

/** Unread counts, folders and lists of one operation (not an open message: opening one marks it read). */
export function refreshMailbox(queryClient: QueryClient, opId: string | undefined): void {
  void queryClient.invalidateQueries({ queryKey: commKeys.operations });
  if (!opId) return;
  void queryClient.invalidateQueries({ queryKey: commKeys.operation(opId), exact: true });
  void queryClient.invalidateQueries({ queryKey: commKeys.folders(opId) });
  void queryClient.invalidateQueries({ queryKey: commKeys.messages(opId) });
}

/**
 * CENcomm's live events on the app's one event stream: a new message refreshes the counts and the lists
 * without a reload and is announced; a reading refreshes the sender's read status; a new document the library.
 */
export function listenToComm(
  source: EventSource,
  queryClient: QueryClient,
  announce: (toast: { tone: 'info'; title: string; body?: string }) => void,
  t: (key: string) => string,
): void {
  source.addEventListener('comm.message', (event) => {
    const data = read(event);
    refreshMailbox(queryClient, data.operationId);
    announce({ tone: 'info', title: t('comm.live.newMessage'), body: data.subject });
  });
  source.addEventListener('comm.read', (event) => {
    const { operationId, messageId } = read(event);
    if (!operationId) return;
    refreshMailbox(queryClient, operationId);
    if (messageId) void queryClient.invalidateQueries({ queryKey: commKeys.readStatus(operationId, messageId) });
  });
  source.addEventListener('comm.library', (event) => {
    const { operationId } = read(event);
    if (operationId) void queryClient.invalidateQueries({ queryKey: ['comm', 'operation', operationId, 'library'] });
  });
}
