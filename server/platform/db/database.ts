import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/**
 * One handle over either engine. Modules use `db` (Drizzle) for queries and
 * `rows()` for raw SQL; `listen`/`notify` carry realtime events between processes.
 */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /**
   * A statement given as text with $n parameters, for the hottest paths: on PostgreSQL it is prepared
   * once per connection under `name` and planned once (a generic plan: no parse and no plan per call),
   * and no query builder runs.
   * The same name must always carry the same text.
   */
  prepared<T = Record<string, unknown>>(name: string, text: string, params: readonly (string | number | null)[]): Promise<T[]>;
  /** Runs a script of several statements (migrations, bulk loads) with no parameters. */
  exec(script: string): Promise<void>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

/** The rows of a statement run on a Drizzle handle or transaction (both drivers answer `execute` with `rows`). */
export async function execRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

function rowsOf(db: Db) {
  return <T>(query: SQL): Promise<T[]> => execRows<T>(db, query);
}

export const PG_EXTENSIONS = ['pg_trgm', 'fuzzystrmatch', 'unaccent', 'pgcrypto'];

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; `memory://` keeps it in memory. */
  pgliteDir?: string;
  /** A tarball made by PGlite's dumpDataDir, used to clone a prepared database (tests). */
  pgliteLoadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : openPglite(opts);
}

export function embeddedDir(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const dir = opts.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, {
    extensions: { pg_trgm, fuzzystrmatch, unaccent, pgcrypto },
    loadDataDir: opts.pgliteLoadDataDir,
  });
  const db = drizzlePglite(client);
  return {
    kind: 'pglite',
    db,
    rows: rowsOf(db),
    async prepared<T>(_name: string, text: string, params: readonly (string | number | null)[]) {
      return (await client.query<T>(text, params as unknown[])).rows;
    },
    async exec(script) {
      await client.exec(script);
    },
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload);
      return async () => unlisten();
    },
    async notify(channel, payload) {
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A pool error on an idle client must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Statements run through prepared() go through connections of their own that always use the generic
  // plan: PostgreSQL would otherwise plan an array-parameter statement again at every call (a custom
  // plan), which costs more than running it. The setting is for those connections only: on the main
  // pool every other query keeps a plan made for its own values (a LIKE pattern, a trigram search).
  let preparedPool: pg.Pool | undefined;
  const planOnce = () => {
    if (!preparedPool) {
      preparedPool = new pg.Pool({ connectionString: url, max: Math.max(2, Math.ceil(poolSize / 2)), options: '-c plan_cache_mode=force_generic_plan' });
      preparedPool.on('error', () => undefined);
    }
    return preparedPool;
  };
  const db = drizzlePg(pool);
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();

  let closing = false;
  let reconnectDelay = 500;

  // One dedicated connection carries every LISTEN. If it drops (server restart, network), it is
  // opened again with back-off and re-subscribes, so the node keeps receiving events.
  async function listenerClient(): Promise<pg.Client> {
    if (listener) return listener;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    c.on('notification', (msg) => {
      for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
    });
    const lost = () => {
      if (listener !== c) return;
      listener = undefined;
      c.end().catch(() => undefined);
      if (!closing) setTimeout(resubscribe, reconnectDelay);
    };
    c.on('error', lost);
    c.on('end', lost);
    listener = c;
    reconnectDelay = 500;
    return c;
  }

  async function resubscribe() {
    if (closing || listener) return;
    try {
      const c = await listenerClient();
      for (const channel of handlers.keys()) await c.query(`LISTEN "${channel.replace(/"/g, '')}"`);
    } catch {
      reconnectDelay = Math.min(reconnectDelay * 2, 30_000);
      setTimeout(resubscribe, reconnectDelay);
    }
  }

  return {
    kind: 'postgres',
    db,
    rows: rowsOf(db),
    async prepared<T>(name: string, text: string, params: readonly (string | number | null)[]) {
      return (await planOnce().query({ name, text, values: params as unknown[] })).rows as T[];
    },
    async exec(script) {
      await pool.query(script);
    },
    async listen(channel, onPayload) {
      const c = await listenerClient();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await c.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      }
      set.add(onPayload);
      return async () => {
        set!.delete(onPayload);
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      closing = true;
      const c = listener;
      listener = undefined;
      await c?.end().catch(() => undefined);
      await preparedPool?.end();
      await pool.end();
    },
  };
}

export { sql };
