import type { Database } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';

/**
 * Who a session cookie or API token belongs to, remembered for a few seconds so that
 * a busy API does not look every credential up in the database on every request.
 * Anything that changes a user's rights or ends a credential calls `authChanged`:
 * this node forgets the user's entries at once, and NOTIFY tells every other node.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
export const AUTH_CHANNEL = 'opencen_auth_changed';

interface Entry {
  principal: Principal;
  expires: number;
}

interface AuthCache {
  entries: Map<string, Entry>;
  listening: Promise<unknown>;
}

const caches = new WeakMap<Database, AuthCache>();

function cacheOf(database: Database): AuthCache {
  let c = caches.get(database);
  if (!c) {
    const entries = new Map<string, Entry>();
    c = { entries, listening: database.listen(AUTH_CHANNEL, (userId) => forget(entries, userId)).catch(() => undefined) };
    caches.set(database, c);
  }
  return c;
}

function forget(entries: Map<string, Entry>, userId: string) {
  for (const [k, e] of entries) if (e.principal.userId === userId) entries.delete(k);
}

export async function cachedPrincipal(database: Database, key: string, load: () => Promise<{ principal: Principal; until: Date } | null>): Promise<Principal | null> {
  const cache = cacheOf(database);
  // Until this node listens for changes made elsewhere, it must not trust what it remembers.
  await cache.listening;
  const hit = cache.entries.get(key);
  if (hit && hit.expires > Date.now()) return hit.principal;
  const found = await load();
  if (!found) {
    cache.entries.delete(key);
    return null;
  }
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.clear();
  cache.entries.set(key, { principal: found.principal, expires: Math.min(Date.now() + TTL_MS, found.until.getTime()) });
  return found.principal;
}

/** A user's sessions, tokens or rights changed: forget them here now, and on every other node. */
export async function authChanged(database: Database, userId: string): Promise<void> {
  const c = caches.get(database);
  if (c) forget(c.entries, userId);
  await database.notify(AUTH_CHANNEL, userId);
}
