import { sql } from 'drizzle-orm';
import { isUniqueViolation } from '../platform/db/errors.ts';
import type { AuditLog } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { conflict, notFound } from '../platform/http/problem.ts';
import { toApi } from './record-shape.ts';

export const REFERENCE_KINDS = ['make', 'model', 'calibre'] as const;
export const FIREARM_TYPES = ['pistol', 'revolver', 'rifle', 'shotgun', 'submachine_gun', 'machine_gun', 'other'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface ReferenceEntry {
  id: string;
  kind: ReferenceKind;
  name: string;
  aliases: string[];
  make: string | null;
  country: string | null;
  firearmType: (typeof FIREARM_TYPES)[number] | null;
  calibre: string | null;
  note: string | null;
}

export type ReferenceInput = Omit<ReferenceEntry, 'id'>;

/**
 * How names are compared: case, spaces and punctuation do not count, and the multiplication sign
 * reads as x, so "S & W", "s&w" and "SW" meet, as do "9×19mm" and "9x19 mm".
 */
export const nameKey = (s: string) => s.toLowerCase().replace(/×/g, 'x').replace(/[^\p{L}\p{N}]/gu, '');

const COLUMNS = sql.raw(
  `id, kind, name, aliases, make, country, firearm_type AS "firearmType", calibre, note, created_at AS "createdAt", updated_at AS "updatedAt"`,
);


/** The firearms reference table: read by everyone who records or searches, edited by administrators. */
export function createFirearmReference(database: Database, audit: AuditLog) {
  // The table is small (hundreds of rows) and read on every firearm record and search: kept in memory
  // for a short while; this process's edits clear it at once.
  let cache: { at: number; entries: ReferenceEntry[] } | null = null;
  const TTL_MS = 30_000;

  async function all(): Promise<ReferenceEntry[]> {
    if (cache && Date.now() - cache.at < TTL_MS) return cache.entries;
    const entries = (await database.rows<Record<string, unknown>>(sql`SELECT ${COLUMNS} FROM screening_firearm_reference ORDER BY kind, make NULLS FIRST, name`)).map(
      (r) => toApi(r) as unknown as ReferenceEntry,
    );
    cache = { at: Date.now(), entries };
    return entries;
  }

  /** The canonical name of a make, model or calibre written any known way, or null if the table does not know it. */
  async function canonical(kind: ReferenceKind, name: string, make?: string | null): Promise<string | null> {
    const key = nameKey(name);
    if (!key) return null;
    const makeKey = make ? nameKey(make) : null;
    const hits = (await all()).filter((e) => e.kind === kind && [e.name, ...e.aliases].some((n) => nameKey(n) === key));
    const best = hits.find((e) => kind !== 'model' || !makeKey || (e.make && nameKey(e.make) === makeKey)) ?? hits[0];
    return best?.name ?? null;
  }

  async function list(filter: { kind?: ReferenceKind; q?: string }): Promise<ReferenceEntry[]> {
    const q = filter.q ? nameKey(filter.q) : '';
    return (await all()).filter(
      (e) => (!filter.kind || e.kind === filter.kind) && (!q || [e.name, ...e.aliases, e.make ?? ''].some((n) => nameKey(n).includes(q))),
    );
  }

  async function save(actor: Principal, id: string | null, input: ReferenceInput): Promise<ReferenceEntry> {
    const v = {
      ...input,
      aliases: [...new Set(input.aliases.map((a) => a.trim()).filter(Boolean))],
    };
    try {
      const entry = await database.db.transaction(async (tx) => {
        const res = (await tx.execute(
          id
            ? sql`UPDATE screening_firearm_reference SET kind = ${v.kind}, name = ${v.name}, aliases = ${aliasArray(v.aliases)}, make = ${v.make},
                country = ${v.country}, firearm_type = ${v.firearmType}, calibre = ${v.calibre}, note = ${v.note}, updated_at = now()
                WHERE id = ${id} RETURNING ${COLUMNS}`
            : sql`INSERT INTO screening_firearm_reference (kind, name, aliases, make, country, firearm_type, calibre, note)
                VALUES (${v.kind}, ${v.name}, ${aliasArray(v.aliases)}, ${v.make}, ${v.country}, ${v.firearmType}, ${v.calibre}, ${v.note})
                RETURNING ${COLUMNS}`,
        )) as unknown as { rows: Record<string, unknown>[] };
        const row = res.rows[0];
        if (!row) throw notFound('Reference entry');
        await audit.record({ actor, action: id ? 'screening.reference.update' : 'screening.reference.create', targetType: 'firearm_reference', targetId: row.id as string, detail: { kind: v.kind, name: v.name } }, tx);
        return toApi(row) as unknown as ReferenceEntry;
      });
      cache = null;
      return entry;
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`The reference table already has the ${v.kind} ${v.name}.`, [{ field: 'body.name', message: 'already exists' }]);
      throw e;
    }
  }

  async function remove(actor: Principal, id: string): Promise<void> {
    await database.db.transaction(async (tx) => {
      const res = (await tx.execute(sql`DELETE FROM screening_firearm_reference WHERE id = ${id} RETURNING kind, name`)) as unknown as { rows: { kind: string; name: string }[] };
      if (!res.rows[0]) throw notFound('Reference entry');
      await audit.record({ actor, action: 'screening.reference.delete', targetType: 'firearm_reference', targetId: id, detail: res.rows[0] }, tx);
    });
    cache = null;
  }

  return { all, canonical, list, save, remove };
}

const aliasArray = (aliases: string[]) => (aliases.length ? sql`ARRAY[${sql.join(aliases.map((a) => sql`${a}`), sql`, `)}]::text[]` : sql`'{}'::text[]`);

export type FirearmReference = ReturnType<typeof createFirearmReference>;
