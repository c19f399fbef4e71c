import { useEffect, useRef, useState } from 'react';
import { LIVE_EVENT_NAMES, type LiveEventName, type LiveEvents } from '../../../server/platform/live-events-view.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { listenToComm } from '../comm/comm-live.ts';
import { API_BASE } from './api.ts';
import { followLanguageFromElsewhere } from './language-sync.ts';
import { useToasts } from './toasts.tsx';

export type LiveStatus = 'connecting' | 'online' | 'offline';

const RECONNECT_DELAY_MS = 5000;

interface NotificationPayload {
  title?: string;
  subject?: string;
  body?: string;
  message?: string;
  text?: string;
  /** The app path of the item the notification is about, e.g. /seizures/<id>. */
  link?: string;
}

function readNotification(data: string): NotificationPayload {
  try {
    const parsed: unknown = JSON.parse(data);
    if (parsed && typeof parsed === 'object') return parsed as NotificationPayload;
    if (typeof parsed === 'string') return { body: parsed };
  } catch {
    // Not JSON: the event carries plain text.
  }
  return { body: data };
}

type Handler<K extends LiveEventName> = (data: LiveEvents[K]) => void;
const pageListeners = new Map<LiveEventName, Set<Handler<never>>>();

function payloadOf(event: Event): unknown {
  try {
    return JSON.parse((event as MessageEvent<string>).data);
  } catch {
    return null;
  }
}

/** Listens on the stream to one of the server's events (live-events-view.ts), with its payload typed. */
export function onLive<K extends LiveEventName>(source: EventSource, name: K, handler: Handler<K>): void {
  source.addEventListener(name, (event) => {
    const data = payloadOf(event);
    if (data && typeof data === 'object') handler(data as LiveEvents[K]);
  });
}

/** A page's listener to one event of the app's one stream, for as long as the page is shown. */
export function useLiveEvent<K extends LiveEventName>(name: K, handler: Handler<K>): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const listener: Handler<K> = (data) => ref.current(data);
    const set = pageListeners.get(name) ?? pageListeners.set(name, new Set()).get(name)!;
    set.add(listener as Handler<never>);
    return () => void set.delete(listener as Handler<never>);
  }, [name]);
}

/** Follows the server's event stream while signed in; notifications become toasts. */
export function useLiveEvents(enabled: boolean): LiveStatus {
  const { t } = useTranslation();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  // Kept in refs so that a language change does not reopen the stream.
  const tRef = useRef(t);
  const toastsRef = useRef(toasts);
  tRef.current = t;
  toastsRef.current = toasts;

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      setStatus('offline');
      return;
    }
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let stopped = false;

    const connect = () => {
      setStatus('connecting');
      source = new EventSource(`${API_BASE}/events`, { withCredentials: true });
      source.onopen = () => setStatus('online');
      source.onerror = () => {
        if (!source || source.readyState === EventSource.CLOSED) {
          setStatus('offline');
          if (!stopped) retryTimer = window.setTimeout(connect, RECONNECT_DELAY_MS);
        } else {
          setStatus('connecting');
        }
      };
      // Every event also reaches the pages that listen to it (useLiveEvent).
      for (const name of LIVE_EVENT_NAMES) onLive(source, name, (data) => pageListeners.get(name)?.forEach((h) => (h as Handler<typeof name>)(data as never)));
      // The profile changed in another tab or device: show the new data and follow its language.
      onLive(source, 'profile.updated', (change) => {
        void queryClient.invalidateQueries({ queryKey: ['profile'] });
        void queryClient.invalidateQueries({ queryKey: ['session'] });
        if (change.language) void followLanguageFromElsewhere(change.language);
      });
      listenToComm(source, queryClient, (toast) => toastsRef.current.show(toast), (key) => tRef.current(key));
      source.addEventListener('notification', (event) => {
        const note = readNotification((event as MessageEvent<string>).data);
        // Only a path inside the app is followed; the item's data changed, so cached copies are refreshed.
        const link = typeof note.link === 'string' && /^\/(?!\/)/.test(note.link) ? note.link : null;
        if (link) void queryClient.invalidateQueries({ queryKey: [link.split('/')[1]] });
        toastsRef.current.show({
          tone: 'info',
          title: note.title ?? note.subject ?? tRef.current('events.notification'),
          body: note.body ?? note.message ?? note.text,
          link: link ? { href: link, label: tRef.current('events.open'), follow: () => router.history.push(link) } : undefined,
        });
      });
    };
    connect();

    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, [enabled, queryClient, router]);

  return status;
}
