import type { QueryClient } from '@tanstack/react-query';
import { onLive } from '../app/live-events.ts';
import { commKeys } from './comm-api.ts';
import { formattedKeys } from './formatted-api.ts';

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
 * without a reload and is announced; a reading refreshes the sender's read status; a new document the
 * library; an answered or closed case the case lists and statistics.
 */
export function listenToComm(
  source: EventSource,
  queryClient: QueryClient,
  announce: (toast: { tone: 'info'; title: string; body?: string }) => void,
  t: (key: string) => string,
): void {
  onLive(source, 'comm.message', (data) => {
    refreshMailbox(queryClient, data.operationId);
    announce({ tone: 'info', title: t('comm.live.newMessage'), body: data.subject });
  });
  onLive(source, 'comm.read', ({ operationId, messageId }) => {
    refreshMailbox(queryClient, operationId);
    void queryClient.invalidateQueries({ queryKey: commKeys.readStatus(operationId, messageId) });
  });
  onLive(source, 'comm.library', ({ operationId }) => {
    void queryClient.invalidateQueries({ queryKey: ['comm', 'operation', operationId, 'library'] });
  });
  onLive(source, 'comm.case', ({ operationId, warningId }) => {
    void queryClient.invalidateQueries({ queryKey: ['comm', 'operation', operationId, 'cases'] });
    void queryClient.invalidateQueries({ queryKey: formattedKeys.one(operationId, warningId) });
    void queryClient.invalidateQueries({ queryKey: formattedKeys.stats(operationId) });
  });
}
