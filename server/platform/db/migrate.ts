import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { SERVER_SOURCE } from '../paths.ts';

const serverDir = SERVER_SOURCE;

/**
 * Modules in dependency order: a module's migrations may reference tables of the
 * modules before it. Each module keeps reviewed SQL files in `<module>/migrations/`.
 */
export const MODULE_ORDER = ['platform', 'identity', 'reference', 'seizures', 'national', 'comm', 'screening', 'osint', 'alerts', 'desk'];

export interface Migration {
  id: string; // "<module>/<file>"
  sql: string;
  checksum: string;
}

/** Modules that exist only on a national deployment: a hub has none of their tables. */
export const NATIONAL_ONLY_MODULES = ['national'];

export type NodeRole = 'hub' | 'national';

/** The migrations of a node of this role, in order (a hub skips the national-only modules). */
export function listMigrations(role: NodeRole = 'hub'): Migration[] {
  const out: Migration[] = [];
  for (const mod of MODULE_ORDER) {
    if (role === 'hub' && NATIONAL_ONLY_MODULES.includes(mod)) continue;
    const dir = join(serverDir, mod, 'migrations');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
      const text = readFileSync(join(dir, file), 'utf8');
      out.push({ id: `${mod}/${file}`, sql: text, checksum: createHash('sha256').update(text).digest('hex') });
    }
  }
  return out;
}

/** Applies pending migrations, each in its own transaction, under an advisory lock so several nodes can start at once. */
export async function migrate(database: Database, log: (msg: string) => void = () => undefined, role: NodeRole = 'hub'): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7310001)`);
    const done = new Map(
      ((await tx.execute(sql`SELECT id, checksum FROM schema_migrations`)) as unknown as { rows: { id: string; checksum: string }[] }).rows.map(
        (r) => [r.id, r.checksum],
      ),
    );
    for (const m of listMigrations(role)) {
      const prev = done.get(m.id);
      if (prev) {
        if (prev !== m.checksum) throw new Error(`Migration ${m.id} was changed after it was applied; add a new migration instead.`);
        continue;
      }
      log(`migrating ${m.id}`);
      for (const stmt of splitStatements(m.sql)) await tx.execute(sql.raw(stmt));
      await tx.execute(sql`INSERT INTO schema_migrations (id, checksum) VALUES (${m.id}, ${m.checksum})`);
      applied.push(m.id);
    }
  });
  return applied;
}

/**
 * Splits a migration script into statements. Statements are separated by a line
 * holding only `--> statement-breakpoint` or by `;` at the end of a line outside
 * `$$` bodies, so plpgsql functions stay whole.
 */
export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let inDollar = false;
  for (const line of script.split('\n')) {
    if (line.trim() === '--> statement-breakpoint') {
      push();
      continue;
    }
    cur.push(line);
    const dollars = (line.match(/\$\$/g) ?? []).length;
    if (dollars % 2 === 1) inDollar = !inDollar;
    if (!inDollar && /;\s*(--.*)?$/.test(line)) push();
  }
  push();
  return out;

  function push() {
    const text = cur.join('\n').trim();
    const meaningful = text.split('\n').some((l) => l.trim() && !l.trim().startsWith('--'));
    if (meaningful) out.push(text);
    cur = [];
  }
}
