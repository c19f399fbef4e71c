import { useSyncExternalStore } from 'react';

/**
 * The purpose the officer gives for reading nominal data, sent with every such read and recorded in the audit
 * chain. The last one is kept for the browser tab (sessionStorage), so that it need not be typed on every page.
 */
const STORAGE_KEY = 'opencen.national.purpose';
const listeners = new Set<() => void>();
/** The purpose when the storage refuses to keep it. */
let fallback = '';

function read(): string {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function savePurpose(purpose: string): void {
  const value = purpose.trim();
  try {
    if (value) window.sessionStorage.setItem(STORAGE_KEY, value);
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the purpose lasts until the next page load.
  }
  fallback = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The purpose in force ('' when none is given yet); every component using it follows a change. */
export function usePurpose(): string {
  return useSyncExternalStore(subscribe, () => read() || fallback);
}
