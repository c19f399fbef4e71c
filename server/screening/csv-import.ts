import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import type { AuditLog } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { notFound, Problem } from '../platform/http/problem.ts';
import { bulkInsert, type BulkRow } from './bulk-insert.ts';
import { LIST_DEFS, type ListName } from './lists.ts';
import type { Records } from './records.ts';
import { RECORD_INPUTS } from './schema.ts';

export type ImportMode = 'all_or_nothing' | 'valid_rows';
export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** Rows written per statement: large enough to amortise a round trip, small enough for PGlite's memory. */
const CHUNK = 2000;
/** Errors kept in the report; past this the file is not the list the caller thinks it is. */
const MAX_ERRORS = 1000;

/** A CSV cell as the record field expects it: serial numbers split on `|` or `;`, years as numbers, empty as absent. */
function fieldValue(list: ListName, field: string, cell: string): unknown {
  const v = cell.trim();
  if (!v) return undefined;
  if (field === 'serialNumbers') return v.split(/[|;]/).map((s) => s.trim()).filter(Boolean);
  if (field === 'year') return /^\d+$/.test(v) ? Number(v) : v;
  return v;
}

/**
 * CSV bulk load of one list, read as a stream (the file is never held whole): each row is checked
 * like a record sent to the API; errors name the row (1 = first data row) and the field. In
 * all_or_nothing mode one bad row stores nothing; in valid_rows mode the good rows are stored.
 * The rows that pass are written in one transaction, in chunks, with their keys.
 */
export function createCsvImport(deps: { database: Database; audit: AuditLog; records: Records }) {
  const { database, audit, records } = deps;

  async function run(actor: Principal, list: ListName, mode: ImportMode, input: Readable) {
    const def = LIST_DEFS[list];
    const known = new Set([...def.columns.map((c) => c.field), 'reviewOn']);
    const id = randomUUID();
    await database.rows(sql`INSERT INTO screening_imports (id, list, org_id, user_id, mode, status) VALUES (${id}, ${list}, ${actor.orgId}, ${actor.userId}, ${mode}, 'running')`);
    const errors: RowError[] = [];
    const good: BulkRow[] = [];
    let rowNo = 0;
    const parser = input.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }));
    try {
      for await (const raw of parser as AsyncIterable<Record<string, string>>) {
        rowNo++;
        if (rowNo === 1) {
          const unknown = Object.keys(raw).filter((h) => !known.has(h));
          if (unknown.length)
            throw new Problem(400, 'Bad Request', `Unknown columns for ${list}: ${unknown.join(', ')}. Expected: ${[...known].join(', ')}.`, [{ field: 'body', message: `unknown columns: ${unknown.join(', ')}` }]);
        }
        const obj: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(raw)) {
          const value = fieldValue(list, k, v ?? '');
          if (value !== undefined) obj[k] = value;
        }
        const parsed = RECORD_INPUTS[list].safeParse(obj);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) if (errors.length < MAX_ERRORS) errors.push({ row: rowNo, field: issue.path.join('.') || 'row', message: issue.message });
          continue;
        }
        try {
          const { values, keys } = await records.prepare(list, parsed.data as Record<string, unknown>);
          good.push({ id: randomUUID(), values, keys, reviewOn: values.reviewOn as string | undefined });
        } catch (e) {
          if (!(e instanceof Problem)) throw e;
          for (const fe of e.errors ?? [{ field: 'row', message: e.detail ?? e.title }]) if (errors.length < MAX_ERRORS) errors.push({ row: rowNo, field: fe.field.replace(/^body\./, ''), message: fe.message });
        }
      }
    } catch (e) {
      await finish(id, 'failed', rowNo, 0, errors);
      if (e instanceof Problem) throw e;
      throw new Problem(400, 'Bad Request', `The CSV could not be read at row ${rowNo + 1}: ${(e as Error).message}`, [{ field: 'body', message: (e as Error).message }]);
    }
    if (rowNo === 0) {
      await finish(id, 'failed', 0, 0, errors);
      throw new Problem(400, 'Bad Request', 'The CSV holds no data rows.', [{ field: 'body', message: 'holds no data rows' }]);
    }
    const store = mode === 'valid_rows' || errors.length === 0 ? good : [];
    if (store.length)
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < store.length; i += CHUNK) await bulkInsert(tx, list, actor.orgId, actor.userId, store.slice(i, i + CHUNK));
        await audit.record({ actor, action: 'screening.import', targetType: 'screening_import', targetId: id, detail: { list, mode, rows: rowNo, stored: store.length, errors: errors.length } }, tx);
      });
    return finish(id, 'done', rowNo, store.length, errors);
  }

  async function finish(id: string, status: 'done' | 'failed', rows: number, stored: number, errors: RowError[]) {
    await database.rows(sql`UPDATE screening_imports SET status = ${status}, rows = ${rows}, stored = ${stored}, errors = ${JSON.stringify(errors)}::jsonb, finished_at = now() WHERE id = ${id}`);
    return get(id);
  }

  async function get(id: string, orgId?: string) {
    const [row] = await database.rows<{ importId: string; list: ListName; mode: ImportMode; status: 'running' | 'done' | 'failed'; rows: number; stored: number; errors: RowError[]; orgId: string }>(sql`
      SELECT id AS "importId", list, mode, status, rows, stored, errors, org_id AS "orgId" FROM screening_imports WHERE id = ${id}`);
    if (!row || (orgId && row.orgId !== orgId)) throw notFound('Import');
    const { orgId: _o, ...out } = row;
    return out;
  }

  return { run, get };
}

export type CsvImport = ReturnType<typeof createCsvImport>;
