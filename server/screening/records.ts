import { sql } from 'drizzle-orm';
import type { AuditLog } from '../platform/context.ts';
import { type Database, type Db, execRows } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { notFound, Problem, type FieldError } from '../platform/http/problem.ts';
import { screeningProblem } from './problems.ts';
import type { FirearmReference } from './firearm-reference.ts';
import { ncicKey, recordKeys, type RecordKey } from './keys.ts';
import { LIST_DEFS, type ListName } from './lists.ts';
import { columnValue, recordColumns, toApi, type StoredRecord } from './record-shape.ts';

export interface RecordsDeps {
  database: Database;
  audit: AuditLog;
  reference: FirearmReference;
  countryExists(code: string): Promise<boolean>;
  /** What else goes with a record being deleted (the files of a work of art's images), in its transaction. */
  beforeRemove?(tx: Db, list: ListName, id: string): Promise<void>;
}

export interface Meta {
  ip?: string;
  requestId?: string;
}

export type RecordInput = Record<string, unknown> & { reviewOn?: string };


/**
 * Watch-list records. Only the recording organisation changes its records: a change by anyone
 * else is refused before anything is written. Every change rewrites the record's keys in the same
 * transaction, so a search never sees a record without its keys or keys without their record.
 */
export function createRecords(deps: RecordsDeps) {
  const { database, audit } = deps;

  /** Field checks that need the database (countries) or the reference table (firearm names). */
  async function prepare(list: ListName, input: RecordInput): Promise<{ values: RecordInput; keys: RecordKey[]; warnings: string[] }> {
    const def = LIST_DEFS[list];
    const values: RecordInput = { ...input };
    const errors: FieldError[] = [];
    for (const c of def.columns.filter((x) => x.type === 'country')) {
      const code = values[c.field];
      if (typeof code === 'string' && code && !(await deps.countryExists(code))) errors.push({ field: `body.${c.field}`, message: 'is not a known ISO 3166 country' });
    }
    if (list === 'firearms') {
      // Records keep the reference table's own names, so that "S&W" and "Smith & Wesson" are one make.
      const make = String(values.make);
      values.make = (await deps.reference.canonical('make', make)) ?? make.trim();
      if (typeof values.model === 'string') values.model = (await deps.reference.canonical('model', values.model, values.make as string)) ?? values.model.trim();
      if (typeof values.calibre === 'string') values.calibre = (await deps.reference.canonical('calibre', values.calibre)) ?? values.calibre.trim();
    }
    const { keys, errors: keyErrors, warnings } = recordKeys(list, values);
    errors.push(...keyErrors);
    if (def.keys.length && !keys.length && !errors.length) errors.push({ field: `body.${def.keys[0].field}`, message: 'is required' });
    if (errors.length) throw new Problem(422, 'Unprocessable Content', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
    return { values, keys, warnings };
  }

  async function writeKeys(tx: Db, list: ListName, id: string, keys: RecordKey[]) {
    await tx.execute(sql`DELETE FROM screening_keys WHERE record_id = ${id}`);
    if (!keys.length) return;
    await tx.execute(sql`INSERT INTO screening_keys (list, record_id, kind, raw, norm, folded, ncic)
      SELECT ${list}, ${id}::uuid, k.kind, k.raw, k.norm, k.folded, k.ncic
      FROM jsonb_to_recordset(${JSON.stringify(keys.map((k) => ({ ...k, ncic: ncicKey(k.kind, k.norm) })))}::jsonb) AS k(kind text, raw text, norm text, folded text, ncic text)`);
  }

  async function create(actor: Principal, list: ListName, input: RecordInput, meta: Meta = {}): Promise<StoredRecord & { warnings: string[] }> {
    const def = LIST_DEFS[list];
    const { values, keys, warnings } = await prepare(list, input);
    const cols = def.columns.filter((c) => values[c.field] !== undefined);
    const names = sql.raw([...cols.map((c) => c.column), 'org_id', 'created_by', ...(values.reviewOn ? ['review_on'] : [])].join(', '));
    const vals = [...cols.map((c) => columnValue(c.type, values[c.field])), sql`${actor.orgId}::uuid`, sql`${actor.userId}::uuid`, ...(values.reviewOn ? [sql`${values.reviewOn}::date`] : [])];
    return database.db.transaction(async (tx) => {
      const [row] = await execRows(tx, sql`INSERT INTO ${sql.raw(def.table)} (${names}) VALUES (${sql.join(vals, sql`, `)}) RETURNING ${recordColumns(list)}`);
      await writeKeys(tx, list, row.id as string, keys);
      await audit.record({ actor, action: 'screening.record.create', targetType: `screening.${list}`, targetId: row.id as string, ...meta }, tx);
      return { ...toApi(row), warnings };
    });
  }

  async function load(db: Db, list: ListName, id: string, lock = false): Promise<StoredRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await execRows(db, sql`SELECT ${recordColumns(list)} FROM ${sql.raw(LIST_DEFS[list].table)} WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`);
    return row ? toApi(row) : null;
  }

  /** The whole record (second level). For anyone but its owner, opening it is audited. */
  async function get(actor: Principal, list: ListName, id: string, meta: Meta = {}): Promise<StoredRecord> {
    const rec = await load(database.db, list, id);
    if (!rec) throw notFound('Record');
    if (rec.orgId !== actor.orgId) await audit.record({ actor, action: 'screening.record.open', targetType: `screening.${list}`, targetId: id, detail: { ownerOrgId: rec.orgId }, ...meta });
    return rec;
  }

  async function listOwn(actor: Principal, list: ListName, page: { page: number; pageSize: number }) {
    const def = LIST_DEFS[list];
    const rows = await database.rows(sql`SELECT ${recordColumns(list)}, count(*) OVER ()::int AS "total" FROM ${sql.raw(def.table)}
      WHERE org_id = ${actor.orgId} ORDER BY created_at DESC, id LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`);
    const total = (rows[0]?.total as number | undefined) ?? 0;
    return { items: rows.map(({ total: _t, ...r }) => toApi(r)), total, page: page.page, pageSize: page.pageSize };
  }

  async function update(actor: Principal, list: ListName, id: string, patch: RecordInput, meta: Meta = {}): Promise<StoredRecord & { warnings: string[] }> {
    const def = LIST_DEFS[list];
    // Checked before the transaction: the checks read the database (countries, reference names), and
    // PGlite runs one statement at a time, so they must not wait on a transaction this request holds.
    const current = await load(database.db, list, id);
    if (!current) throw notFound('Record');
    if (current.orgId !== actor.orgId) throw screeningProblem(403, 'not-recording-organisation', 'Only the recording organisation may change this record.');
    const merged: RecordInput = { ...current, ...patch };
    const { values, keys, warnings } = await prepare(list, merged);
    return database.db.transaction(async (tx) => {
      const locked = await load(tx, list, id, true);
      if (!locked) throw notFound('Record');
      if (locked.updatedAt !== current.updatedAt) throw screeningProblem(409, 'record-changed', 'The record changed while this change was checked; read it again.');
      const sets = def.columns.map((c) => sql`${sql.raw(c.column)} = ${columnValue(c.type, values[c.field])}`);
      if (patch.reviewOn) sets.push(sql`review_on = ${patch.reviewOn}::date`);
      const [row] = await execRows(tx, sql`UPDATE ${sql.raw(def.table)} SET ${sql.join(sets, sql`, `)}, updated_at = now() WHERE id = ${id} RETURNING ${recordColumns(list)}`);
      await writeKeys(tx, list, id, keys);
      await audit.record({ actor, action: 'screening.record.update', targetType: `screening.${list}`, targetId: id, detail: { fields: Object.keys(patch) }, ...meta }, tx);
      return { ...toApi(row), warnings };
    });
  }

  async function remove(actor: Principal, list: ListName, id: string, meta: Meta = {}): Promise<void> {
    await database.db.transaction(async (tx) => {
      const current = await load(tx, list, id, true);
      if (!current) throw notFound('Record');
      if (current.orgId !== actor.orgId) throw screeningProblem(403, 'not-recording-organisation', 'Only the recording organisation may delete this record.');
      await deps.beforeRemove?.(tx, list, id);
      await tx.execute(sql`DELETE FROM screening_keys WHERE record_id = ${id}`);
      await tx.execute(sql`DELETE FROM ${sql.raw(def(list).table)} WHERE id = ${id}`);
      await audit.record({ actor, action: 'screening.record.delete', targetType: `screening.${list}`, targetId: id, ...meta }, tx);
    });
  }

  return { create, get, listOwn, update, remove, prepare, writeKeys };
}

const def = (list: ListName) => LIST_DEFS[list];

export type Records = ReturnType<typeof createRecords>;
