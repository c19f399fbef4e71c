import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { access, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { type Db, execRows } from '../platform/db/database.ts';
import { uuidArray, textArray } from '../platform/db/pg-array.ts';
import type { Principal } from '../platform/http/access.ts';
import { badRequest, conflict, notFound, payloadTooLarge, Problem, type FieldError } from '../platform/http/problem.ts';
import { referenceSets, type ReferenceSets } from '../reference/index.ts';
import { checkSeizure, nominalWarnings, type PreparedSeizure } from './check.ts';
import { compileLayout, convertRow, FIELD_NAMES, fieldOfPath, REQUIRED_FIELDS, REQUIRED_ONE_OF, suggestMapping, type Layout } from './import-fields.ts';
import { csvHead, detectDelimiter, headerNames, readRows, sniffFile, spool, type SpooledFile } from './import-read.ts';
import type { CommitMode, ImportError, ImportStatus, ImportView } from './import-view.ts';
import { seizureInput, UNITS } from './schema.ts';
import { insertSeizures } from './store.ts';

/**
 * Seizure imports (issue 3, point 4). A file is uploaded and spooled on the node that received it;
 * the user maps its columns to the template's fields; a validation pass reads every row through
 * the same schema and checks as the form (seizureInput, checkSeizure) and keeps the first errors,
 * located by row and column; the commit reads the file again and stores, in one transaction, all
 * rows or the valid ones. Rows whose external reference the organisation already holds are
 * skipped, so importing a file twice adds nothing the second time.
 */
type Ctx = Pick<AppContext, 'database' | 'audit' | 'events' | 'config' | 'log'>;


export const MAX_KEPT_ERRORS = 1000;
export const SAMPLE_ROWS = 10;
export const PREVIEW_ROWS = 20;
/** Rows per insert: three statements each, whatever the number. */
const INSERT_BATCH = 4000;
const PROGRESS_MS = 1000;
/** An import of this many records or more renews the tables' statistics once committed. */
const ANALYZE_AFTER_ROWS = 10_000;
/**
 * References remembered to find a row repeating an earlier one (a few tens of MB). Past this, memory
 * stays flat and a repeat is left to the database: the later row is skipped, counted in `skipped`.
 */
const MAX_TRACKED_REFS = 250_000;
/** A pass that has not reported for this long, and does not run here, died with its process. */
const STALE_MS = 5 * 60_000;
/** What an import whose commit died with its process says once it is committable again. */
export const COMMIT_INTERRUPTED = 'The commit was interrupted (the server stopped); nothing of it was stored; commit again.';
/** Spooled files of imports left uncommitted are removed after this. */
const SPOOL_TTL_MS = 7 * 86_400_000;

export type { CommitMode, ImportError, ImportStatus, ImportView };

interface Counts {
  processed: number;
  valid: number;
  errorRows: number;
  nominalRows: number;
  alreadyStored: number;
  progress: number;
  errors: ImportError[];
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

const COLUMNS = sql.raw(`id, org_id, user_id, file_name, format, status, columns, mapping, total_rows, processed_rows, valid_rows, error_rows,
  errors, inserted, skipped, detail, created_at, updated_at, size_bytes, encoding, delimiter, sample, suggested_mapping, nominal_rows,
  already_stored, progress, commit_mode, submit, accept_nominal, node, committed_at, claim_boot`);

type Row = Record<string, unknown> & { id: string; org_id: string; user_id: string; status: ImportStatus; node: string | null };

function view(r: Row, withDetail = true): ImportView {
  return {
    id: r.id,
    status: r.status,
    fileName: r.file_name as string,
    format: r.format as 'csv' | 'xlsx',
    encoding: (r.encoding as string | null) ?? null,
    delimiter: (r.delimiter as string | null) ?? null,
    sizeBytes: Number(r.size_bytes),
    columns: json<string[]>(r.columns),
    suggestedMapping: json<Record<string, string>>(r.suggested_mapping),
    mapping: r.mapping ? json<Record<string, string>>(r.mapping) : null,
    sample: withDetail ? json<string[][]>(r.sample) : [],
    totalRows: r.total_rows === null ? null : Number(r.total_rows),
    processedRows: Number(r.processed_rows),
    validRows: Number(r.valid_rows),
    errorRows: Number(r.error_rows),
    nominalRows: Number(r.nominal_rows),
    alreadyStored: Number(r.already_stored),
    progress: Number(r.progress),
    errors: withDetail ? json<ImportError[]>(r.errors) : [],
    inserted: Number(r.inserted),
    skipped: Number(r.skipped),
    commitMode: (r.commit_mode as CommitMode | null) ?? null,
    submit: !!r.submit,
    acceptNominalWarnings: !!r.accept_nominal,
    detail: (r.detail as string | null) ?? null,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    committedAt: iso(r.committed_at),
  };
}

/** A value at a schema path of the converted row, to tell "missing" from "wrong". */
function at(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

export interface CheckedRow {
  input: Record<string, unknown>;
  prepared: PreparedSeizure | null;
  errors: ImportError[];
  /** The row's only errors are text that looks like personal data. */
  nominalOnly: boolean;
}

function pushError(errors: ImportError[], mapping: Record<string, string>, line: number, e: FieldError, nominal: boolean) {
  const err: ImportError = { row: line, column: mapping[e.field] ?? null, field: e.field, message: e.message };
  if (nominal) err.nominal = true;
  errors.push(err);
}

/**
 * Values the schema accepts, put where it refused a row's own, so that checkSeizure can still look at the rest
 * of the row; the errors on the replaced fields are already reported and not repeated.
 */
const STAND_IN = 'ZZ';
const STAND_IN_CODE = new RegExp(`\\b${STAND_IN}\\b`);
const STAND_INS: Record<string, unknown> = {
  seizedAt: '2000-01-01T00:00:00Z',
  country: STAND_IN,
  locationType: 'other',
  direction: 'import',
  category: STAND_IN,
  quantity: 1,
  unit: UNITS[0],
  role: 'transit',
  gender: 'unknown',
  ageBand: 'unknown',
  count: 1,
};

/** A copy of the row's input with stand-ins for every refused value (optional ones dropped); null when there is no sensible one. */
function withStandIns(input: Record<string, unknown>, issues: readonly { path: PropertyKey[] }[]): Record<string, unknown> | null {
  const copy = structuredClone(input);
  for (const { path } of issues) {
    if (path.length === 1 && path[0] === 'commodities') {
      copy.commodities = [{ category: STAND_INS.category, quantity: STAND_INS.quantity, unit: STAND_INS.unit }];
      continue;
    }
    const leaf = path[path.length - 1];
    const parent = at(copy, path.slice(0, -1));
    if (leaf === undefined || parent === null || typeof parent !== 'object') return null;
    const target = parent as Record<PropertyKey, unknown>;
    if (typeof leaf === 'string' && leaf in STAND_INS) target[leaf] = STAND_INS[leaf];
    else if (Array.isArray(parent) && typeof leaf === 'number') target[leaf] = STAND_IN;
    else if (path.length > 1 || typeof leaf !== 'string' || !(leaf in copy)) return null;
    else delete target[leaf];
  }
  return copy;
}

/** Checks rows of one file under one mapping: conversion, then the record schema, then checkSeizure; every error of a row at once. */
export function rowChecker(mapping: Record<string, string>, columns: string[], ref: ReferenceSets, now = Date.now()) {
  const layout: Layout = compileLayout(mapping, columns);
  return function check(cells: readonly string[], line: number): CheckedRow {
    const conv = convertRow(cells, layout, ref);
    const errors: ImportError[] = [];
    for (const e of conv.errors) pushError(errors, mapping, line, e, false);
    const parsed = seizureInput.safeParse(conv.input);
    if (!parsed.success) {
      const failed = conv.errors.length ? new Set(conv.errors.map((e) => e.field)) : null;
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = fieldOfPath(issue.path.join('.'), conv);
        if (failed?.has(field)) continue;
        const missing = issue.code === 'invalid_type' && at(conv.input, issue.path) === undefined;
        const message = missing ? 'is required' : issue.message;
        const key = `${field}\u0000${message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pushError(errors, mapping, line, { field, message }, false);
      }
      // The rest of the row is checked too, with stand-ins for what the schema refused: all its errors at once.
      const standIn = withStandIns(conv.input, parsed.error.issues);
      const reparsed = standIn ? seizureInput.safeParse(standIn) : null;
      if (reparsed?.success) {
        const reported = new Set(errors.map((e) => e.field));
        for (const e of checkSeizure(reparsed.data, ref, '', now).errors) {
          const field = fieldOfPath(e.field, conv);
          // An error naming a stand-in ("FRLEH is not in ZZ") is about the stand-in, not the row.
          if (!reported.has(field) && !STAND_IN_CODE.test(e.message)) pushError(errors, mapping, line, { field, message: e.message }, false);
        }
        if (!reparsed.data.externalRef && !reported.has('external_ref'))
          pushError(errors, mapping, line, { field: 'external_ref', message: 'is required: it is what makes a second import of the same file add nothing' }, false);
      }
      return { input: conv.input, prepared: null, errors, nominalOnly: false };
    }
    const input = parsed.data;
    if (!input.externalRef) pushError(errors, mapping, line, { field: 'external_ref', message: 'is required: it is what makes a second import of the same file add nothing' }, false);
    const checked = checkSeizure(input, ref, '', now);
    for (const e of checked.errors) pushError(errors, mapping, line, { field: fieldOfPath(e.field, conv), message: e.message }, false);
    if (errors.length) return { input, prepared: null, errors, nominalOnly: false };
    const warnings = nominalWarnings(input);
    for (const w of warnings) pushError(errors, mapping, line, { field: fieldOfPath(w.field, conv), message: `looks like ${w.kind.replace('_', ' ')}: "${w.excerpt}"` }, true);
    return { input, prepared: checked.prepared, errors, nominalOnly: warnings.length > 0 };
  };
}

/**
 * The external references of `refs` the organisation already holds. One index probe per reference, whatever
 * the planner's statistics say: right after a large import they still describe the table before it, and a
 * plain `= ANY(…)` was then planned as a scan of all the organisation's records (0.4 s a batch at a million).
 */
async function storedRefs(db: Db, orgId: string, refs: string[]): Promise<string[]> {
  const rows = await execRows<{ ref: string }>(
    db,
    sql`SELECT r.ref FROM unnest(${textArray(refs)}) AS r(ref)
      CROSS JOIN LATERAL (SELECT 1 FROM seizures s WHERE s.org_id = ${orgId}::uuid AND s.external_ref = r.ref LIMIT 1) AS hit`,
  );
  return rows.map((x) => x.ref);
}

interface PassOptions {
  orgId: string;
  /** Loaded before any transaction opens: on PGlite a query outside it would wait for its end. */
  ref: ReferenceSets;
  acceptNominal: boolean;
  counts: Counts;
  /** Receives the valid rows in batches; the next batch is read while it works. */
  onValid?: (rows: PreparedSeizure[]) => Promise<void>;
  onProgress?: () => Promise<void>;
}

export function createImports(ctx: Ctx, opts: { maxBytes?: number; spoolDir?: string } = {}) {
  const { database, audit, events, log } = ctx;
  const maxBytes = opts.maxBytes ?? ctx.config.importLimitBytes;
  const spoolDir = opts.spoolDir ?? join(ctx.config.dataDir, 'imports');
  const node = hostname();
  /**
   * This process, on the claim of every commit (claim_boot): a commit of this node claimed by another
   * process died with it (one server process per node holds the node's spooled files).
   */
  const boot = randomUUID();
  /** Passes running in this process. */
  const running = new Map<string, Promise<void>>();

  const spoolPath = (id: string) => join(spoolDir, `${id}.upload`);
  const fileOf = (r: Row, path = spoolPath(r.id)): SpooledFile => ({
    path,
    format: r.format as 'csv' | 'xlsx',
    encoding: (r.encoding as SpooledFile['encoding']) ?? null,
    delimiter: (r.delimiter as string | null) ?? null,
    size: Number(r.size_bytes),
  });

  async function load(id: string): Promise<Row | null> {
    const [r] = await database.rows<Row>(sql`SELECT ${COLUMNS} FROM seizure_imports WHERE id = ${id}`);
    return r ?? null;
  }

  /**
   * A commit of this node that a previous process claimed was interrupted when that process stopped: the
   * commit is one transaction, so nothing of it was stored, and the import is committable again at once
   * (not after STALE_MS), with a note saying so. Returns the imports it released.
   */
  async function releaseInterruptedCommits(id?: string): Promise<Row[]> {
    return database.rows<Row>(sql`UPDATE seizure_imports SET status = 'validated', detail = ${COMMIT_INTERRUPTED}, progress = 0, updated_at = now()
      WHERE status = 'committing' AND node = ${node} AND claim_boot IS DISTINCT FROM ${boot} ${id ? sql`AND id = ${id}` : sql``}
      RETURNING ${COLUMNS}`);
  }
  let released: Promise<unknown> | null = null;
  /** Once per process, before the first list: the start-up sweep of commits left by a previous process. */
  const releaseOnce = () => (released ??= releaseInterruptedCommits().catch((e) => log.error({ err: e }, 'releasing interrupted seizure imports failed')));

  /** The import, if the actor's organisation made it; a pass that died with its process shows as failed (a commit: validated again). */
  async function own(actor: Principal, id: string): Promise<Row> {
    let r = await load(id);
    if (!r || r.org_id !== actor.orgId) throw notFound('Import');
    if (r.status === 'committing' && r.node === node && r.claim_boot !== boot && !running.has(id)) r = (await releaseInterruptedCommits(id))[0] ?? (await load(id))!;
    if ((r.status === 'validating' || r.status === 'committing') && !running.has(id) && Date.now() - new Date(r.updated_at as string).getTime() > STALE_MS) {
      const [u] = await database.rows<Row>(sql`UPDATE seizure_imports SET status = 'failed', detail = 'The pass was interrupted (the server restarted); run it again.',
        updated_at = now() WHERE id = ${id} AND status = ${r.status} RETURNING ${COLUMNS}`);
      return u ?? (await load(id))!;
    }
    return r;
  }

  function sweepSpool() {
    try {
      for (const f of readdirSync(spoolDir)) {
        const p = join(spoolDir, f);
        if (Date.now() - statSync(p).mtimeMs > SPOOL_TTL_MS) void unlink(p).catch(() => undefined);
      }
    } catch {
      // nothing spooled yet
    }
  }

  /** Registers a file already on disk (an upload just spooled, or a path given to importFile). */
  async function register(actor: Principal, id: string, fileName: string, path: string, s: { size: number; format: 'csv' | 'xlsx'; encoding: SpooledFile['encoding'] }) {
    let delimiter: string | null = null;
    if (s.format === 'csv') delimiter = detectDelimiter((await csvHead(path, s.encoding ?? 'utf-8')).replace(/^\uFEFF/, ''));
    const file: SpooledFile = { path, format: s.format, encoding: s.encoding, delimiter, size: s.size };
    let header: string[] | null = null;
    const sample: string[][] = [];
    for await (const batch of readRows(file)) {
      for (const cells of batch.rows) {
        if (!header) header = cells;
        else if (sample.length < SAMPLE_ROWS) sample.push(cells.map((c) => c.slice(0, 500)));
      }
      if (header && sample.length >= SAMPLE_ROWS) break;
    }
    if (!header) throw badRequest('The file holds no header row.', [{ field: 'body', message: 'holds no rows' }]);
    const columns = headerNames(header);
    const suggested = suggestMapping(columns);
    const [r] = await database.rows<Row>(sql`INSERT INTO seizure_imports (id, org_id, user_id, file_name, format, columns, size_bytes, encoding, delimiter,
        sample, suggested_mapping, node)
      VALUES (${id}, ${actor.orgId}, ${actor.userId}, ${fileName}, ${s.format}, ${JSON.stringify(columns)}::jsonb, ${s.size}, ${s.encoding}, ${delimiter},
        ${JSON.stringify(sample)}::jsonb, ${JSON.stringify(suggested)}::jsonb, ${node})
      RETURNING ${COLUMNS}`);
    return r;
  }

  /** POST /imports: spools the body, reads the header and the first rows, suggests a mapping. */
  async function upload(actor: Principal, fileName: string, body: Readable, declaredBytes?: number): Promise<ImportView> {
    if (declaredBytes !== undefined && declaredBytes > maxBytes) {
      body.resume();
      throw payloadTooLarge(`The file is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB.`);
    }
    mkdirSync(spoolDir, { recursive: true });
    sweepSpool();
    const id = randomUUID();
    const path = spoolPath(id);
    const s = await spool(body, path, maxBytes);
    try {
      return view(await register(actor, id, fileName, path, s));
    } catch (e) {
      await unlink(path).catch(() => undefined);
      throw e;
    }
  }

  /**
   * Reads the whole file once under a mapping, checking every row; counts and the first errors go
   * into `counts` as it goes. Valid rows go to onValid in batches; the next batch is read and
   * checked while the previous one is being stored.
   */
  async function pass(file: SpooledFile, columns: string[], mapping: Record<string, string>, o: PassOptions): Promise<Counts> {
    const check = rowChecker(mapping, columns, o.ref);
    const c = o.counts;
    const refs = new Map<string, number>();
    let header = true;
    let buffer: PreparedSeizure[] = [];
    let pending: Promise<void> | null = null;
    let lastReport = Date.now();
    const flush = async () => {
      if (!o.onValid || !buffer.length) return;
      const rows = buffer;
      buffer = [];
      if (pending) await pending;
      pending = o.onValid(rows);
      pending.catch(() => undefined);
    };
    const keep = (errs: ImportError[]) => {
      for (const e of errs) if (c.errors.length < MAX_KEPT_ERRORS) c.errors.push(e);
    };
    for await (const batch of readRows(file)) {
      for (let i = 0; i < batch.rows.length; i++) {
        if (header) {
          header = false;
          continue;
        }
        const line = batch.lines[i];
        const r = check(batch.rows[i], line);
        c.processed++;
        if (r.prepared) {
          const ext = r.prepared.externalRef!;
          const first = refs.get(ext);
          if (first !== undefined) {
            c.errorRows++;
            keep([{ row: line, column: mapping.external_ref ?? null, field: 'external_ref', message: `${ext} is already used at row ${first} of the file` }]);
            continue;
          }
          if (refs.size < MAX_TRACKED_REFS) refs.set(ext, line);
        }
        if (!r.errors.length || (r.nominalOnly && o.acceptNominal)) {
          c.valid++;
          if (r.nominalOnly) c.nominalRows++;
          buffer.push(r.prepared!);
        } else {
          c.errorRows++;
          if (r.nominalOnly) c.nominalRows++;
          keep(r.errors);
        }
      }
      c.progress = file.size ? Math.min(1, batch.bytesRead / file.size) : 1;
      if (buffer.length >= INSERT_BATCH) await flush();
      if (o.onProgress && Date.now() - lastReport >= PROGRESS_MS) {
        lastReport = Date.now();
        await o.onProgress();
      }
    }
    await flush();
    if (pending) await pending;
    c.progress = 1;
    return c;
  }

  const newCounts = (): Counts => ({ processed: 0, valid: 0, errorRows: 0, nominalRows: 0, alreadyStored: 0, progress: 0, errors: [] });

  async function report(id: string, status: ImportStatus, c: Counts, audience: string[], extra: Record<string, unknown> = {}) {
    await database.rows(sql`UPDATE seizure_imports SET processed_rows = ${c.processed}, valid_rows = ${c.valid}, error_rows = ${c.errorRows},
        nominal_rows = ${c.nominalRows}, already_stored = ${c.alreadyStored}, progress = ${c.progress}, errors = ${JSON.stringify(c.errors)}::jsonb,
        updated_at = now() WHERE id = ${id} AND status = ${status}`);
    await publish(id, status, c, audience, extra);
  }

  async function publish(id: string, status: ImportStatus, c: Counts, audience: string[], extra: Record<string, unknown> = {}) {
    try {
      await events.publish(
        'seizure.import',
        { id, status, progress: c.progress, processedRows: c.processed, validRows: c.valid, errorRows: c.errorRows, nominalRows: c.nominalRows, ...extra },
        { userIds: [...new Set(audience)] },
      );
    } catch (e) {
      log.warn({ err: e, importId: id }, 'seizure import progress event not sent');
    }
  }

  async function ensureSpool(r: Row) {
    try {
      await access(spoolPath(r.id));
    } catch {
      if (r.node && r.node !== node) throw conflict(`The file of this import is held by the server ${r.node}; send the request there, or upload the file again.`);
      throw conflict('The file of this import is no longer here (it was committed or removed); upload it again.');
    }
  }

  function checkMapping(mapping: Record<string, string>, columns: string[]) {
    const errors: FieldError[] = [];
    const known = new Set(FIELD_NAMES);
    const cols = new Set(columns);
    for (const [f, c] of Object.entries(mapping)) {
      if (!known.has(f)) errors.push({ field: `body.mapping.${f}`, message: 'is not a field of the import template' });
      else if (!cols.has(c)) errors.push({ field: `body.mapping.${f}`, message: `column "${c}" is not in the file` });
    }
    for (const f of REQUIRED_FIELDS) if (!mapping[f]) errors.push({ field: `body.mapping.${f}`, message: 'is required: map a column to it' });
    for (const group of REQUIRED_ONE_OF)
      if (!group.some((f) => mapping[f])) errors.push({ field: `body.mapping.${group[0]}`, message: `is required: map a column to it (or to ${group.slice(1).join(', ')})` });
    if (errors.length) throw new Problem(422, 'Unprocessable Content', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }

  function background(id: string, work: () => Promise<void>) {
    const p = work()
      .catch((e) => log.error({ err: e, importId: id }, 'seizure import pass failed'))
      .finally(() => running.delete(id));
    running.set(id, p);
  }

  /** POST /imports/:id/validate: stores the mapping and checks every row in the background. */
  async function validate(actor: Principal, id: string, mapping: Record<string, string>): Promise<ImportView> {
    const r = await own(actor, id);
    checkMapping(mapping, json<string[]>(r.columns));
    await ensureSpool(r);
    const [u] = await database.rows<Row>(sql`UPDATE seizure_imports SET status = 'validating', mapping = ${JSON.stringify(mapping)}::jsonb,
        processed_rows = 0, valid_rows = 0, error_rows = 0, nominal_rows = 0, already_stored = 0, progress = 0, errors = '[]', total_rows = NULL,
        detail = NULL, node = ${node}, updated_at = now()
      WHERE id = ${id} AND status IN ('uploaded', 'validated', 'failed') RETURNING ${COLUMNS}`);
    if (!u) throw conflict(`The import is ${r.status}; it can be validated again once that is over.`);
    background(id, () => runValidation(u, mapping, [u.user_id, actor.userId]));
    return view(u);
  }

  async function runValidation(r: Row, mapping: Record<string, string>, audience: string[]) {
    const c = newCounts();
    try {
      await pass(fileOf(r), json<string[]>(r.columns), mapping, {
        orgId: r.org_id,
        ref: await referenceSets(database),
        acceptNominal: false,
        counts: c,
        onValid: async (rows) => {
          c.alreadyStored += (await storedRefs(database.db, r.org_id, rows.map((p) => p.externalRef!))).length;
        },
        onProgress: () => report(r.id, 'validating', c, audience),
      });
      await database.rows(sql`UPDATE seizure_imports SET status = 'validated', total_rows = ${c.processed}, processed_rows = ${c.processed},
          valid_rows = ${c.valid}, error_rows = ${c.errorRows}, nominal_rows = ${c.nominalRows}, already_stored = ${c.alreadyStored}, progress = 1,
          errors = ${JSON.stringify(c.errors)}::jsonb, updated_at = now() WHERE id = ${r.id}`);
      await publish(r.id, 'validated', c, audience, { alreadyStored: c.alreadyStored, totalRows: c.processed });
    } catch (e) {
      await fail(r.id, e, c, audience);
    }
  }

  async function fail(id: string, e: unknown, c: Counts, audience: string[]) {
    const detail = e instanceof Problem ? (e.detail ?? e.title) : `The import failed: ${(e as Error).message}`;
    if (!(e instanceof Problem)) log.error({ err: e, importId: id }, 'seizure import failed');
    await database.rows(sql`UPDATE seizure_imports SET status = 'failed', detail = ${detail}, processed_rows = ${c.processed}, valid_rows = ${c.valid},
        error_rows = ${c.errorRows}, nominal_rows = ${c.nominalRows}, errors = ${JSON.stringify(c.errors)}::jsonb, updated_at = now() WHERE id = ${id}`);
    await publish(id, 'failed', c, audience, { detail });
  }

  /**
   * Statistics of the seizure tables, renewed after a large import rather than whenever autovacuum comes:
   * until then the planner sees the tables as they were, and searches, the dashboard and the next import's
   * checks are planned for a table a fraction of its size. About a second at a million records.
   */
  async function refreshStatistics(id: string) {
    try {
      await database.rows(sql`ANALYZE seizures, seizure_commodities, seizure_route_legs, seizure_history`);
    } catch (e) {
      log.warn({ err: e, importId: id }, 'statistics not renewed after the seizure import');
    }
  }

  interface CommitOptions {
    mode: CommitMode;
    submit?: boolean;
    acceptNominalWarnings?: boolean;
  }

  /**
   * Reads the file again and stores its rows in one transaction: every row ('all', refused when a
   * row has an error) or the valid ones ('valid'). Each stored record gets a history row; the
   * import one audit entry. The spooled file is removed once committed.
   */
  async function runCommit(r: Row, actor: Principal, o: CommitOptions, audience: string[], path = spoolPath(r.id), removeFile = true): Promise<void> {
    const c = newCounts();
    const mapping = json<Record<string, string>>(r.mapping);
    const acceptNominal = !!o.acceptNominalWarnings;
    const status = o.submit ? 'submitted' : 'draft';
    let inserted = 0;
    let skipped = 0;
    // On PGlite the transaction holds the only connection: progress waits for the end.
    const live = database.kind === 'postgres';
    try {
      const ref = await referenceSets(database);
      await database.db.transaction(async (tx) => {
        // An organisation's first import has nothing to find: no lookup per batch (which, on a table that grew
        // from empty inside this transaction, the planner would answer with a scan of every row inserted so far).
        const [{ any }] = await execRows<{ any: boolean }>(
          tx,
          sql`SELECT EXISTS (SELECT 1 FROM seizures WHERE org_id = ${r.org_id}::uuid AND external_ref IS NOT NULL) AS any`,
        );
        await pass(fileOf(r, path), json<string[]>(r.columns), mapping, {
          orgId: r.org_id,
          ref,
          acceptNominal,
          counts: c,
          onValid: async (rows) => {
            if (o.mode === 'all' && c.errorRows > 0) return; // it will roll back: only the errors still matter
            // Rows already stored are left out before the insert (a second import of a big file costs a read);
            // the insert's ON CONFLICT still skips any stored meanwhile.
            const stored = new Set(any ? await storedRefs(tx, r.org_id, rows.map((p) => p.externalRef!)) : []);
            const fresh = stored.size ? rows.filter((p) => !stored.has(p.externalRef!)) : rows;
            skipped += rows.length - fresh.length;
            if (!fresh.length) return;
            const res = await insertSeizures(
              tx,
              fresh.map((prepared) => ({ prepared, orgId: r.org_id, userId: actor.userId, status, provenance: 'imported' as const })),
            );
            inserted += res.ids.length;
            skipped += res.skipped;
            if (res.ids.length)
              await tx.execute(sql`INSERT INTO seizure_history (seizure_id, user_id, action, changes)
                SELECT sid, ${actor.userId}::uuid, 'imported', ${JSON.stringify({ importId: r.id, status })}::jsonb FROM unnest(${uuidArray(res.ids)}) AS sid`);
          },
          onProgress: live ? () => report(r.id, 'committing', c, audience, { inserted, skipped }) : undefined,
        });
        if (o.mode === 'all' && c.errorRows > 0)
          throw conflict(`${c.errorRows} row${c.errorRows === 1 ? ' has' : 's have'} errors; nothing was stored. Correct the file, or import the valid rows only.`);
        await tx.execute(sql`UPDATE seizure_imports SET status = 'committed', total_rows = ${c.processed}, processed_rows = ${c.processed},
            valid_rows = ${c.valid}, error_rows = ${c.errorRows}, nominal_rows = ${c.nominalRows}, progress = 1, errors = ${JSON.stringify(c.errors)}::jsonb,
            inserted = ${inserted}, skipped = ${skipped}, committed_at = now(), updated_at = now(), detail = NULL WHERE id = ${r.id}`);
        await audit.record(
          {
            actor,
            action: 'seizure.import',
            targetType: 'seizure_import',
            targetId: r.id,
            detail: { fileName: r.file_name, format: r.format, mode: o.mode, submit: !!o.submit, rows: c.processed, inserted, skipped, errorRows: c.errorRows },
          },
          tx,
        );
      });
    } catch (e) {
      await fail(r.id, e, c, audience);
      return;
    }
    if (removeFile) await unlink(path).catch(() => undefined);
    await publish(r.id, 'committed', c, audience, { inserted, skipped, totalRows: c.processed });
    if (inserted >= ANALYZE_AFTER_ROWS) await refreshStatistics(r.id);
  }

  /** POST /imports/:id/commit: refuses 'all' when the validation found errors, else stores in the background. */
  async function commit(actor: Principal, id: string, o: CommitOptions): Promise<ImportView> {
    const r = await own(actor, id);
    if (r.status !== 'validated' && r.status !== 'failed') throw conflict(`The import is ${r.status}; validate it first.`);
    if (!r.mapping) throw conflict('The import has no mapping yet; validate it first.');
    const blocking = Number(r.error_rows) - (o.acceptNominalWarnings ? Number(r.nominal_rows) : 0);
    if (o.mode === 'all' && r.status === 'validated' && blocking > 0)
      throw conflict(
        `${blocking} row${blocking === 1 ? ' has' : 's have'} errors: correct the file, or import the valid rows only (mode "valid").` +
          (Number(r.nominal_rows) && !o.acceptNominalWarnings ? ` ${r.nominal_rows} of them only hold text that looks like personal data (acceptNominalWarnings).` : ''),
      );
    const storable = Number(r.valid_rows) + (o.acceptNominalWarnings ? Number(r.nominal_rows) : 0);
    if (r.status === 'validated' && storable === 0) throw conflict('No row of the file can be stored: correct the file and check it again.');
    await ensureSpool(r);
    const [u] = await database.rows<Row>(sql`UPDATE seizure_imports SET status = 'committing', commit_mode = ${o.mode}, submit = ${!!o.submit},
        accept_nominal = ${!!o.acceptNominalWarnings}, progress = 0, detail = NULL, node = ${node}, claim_boot = ${boot}, updated_at = now()
      WHERE id = ${id} AND status IN ('validated', 'failed') RETURNING ${COLUMNS}`);
    if (!u) throw conflict('The import is already being committed.');
    background(id, () => runCommit(u, actor, o, [u.user_id, actor.userId]));
    return view(u);
  }

  async function get(actor: Principal, id: string): Promise<ImportView> {
    return view(await own(actor, id));
  }

  async function list(actor: Principal): Promise<ImportView[]> {
    await releaseOnce();
    const rows = await database.rows<Row>(sql`SELECT ${COLUMNS} FROM seizure_imports WHERE user_id = ${actor.userId} ORDER BY created_at DESC, id DESC LIMIT 100`);
    return rows.map((r) => view(r, false));
  }

  /** The first rows as the seizure inputs they become, with their errors (stored mapping, else the suggested one). */
  async function preview(actor: Principal, id: string) {
    const r = await own(actor, id);
    await ensureSpool(r);
    const mapping = r.mapping ? json<Record<string, string>>(r.mapping) : json<Record<string, string>>(r.suggested_mapping);
    const check = rowChecker(mapping, json<string[]>(r.columns), await referenceSets(database));
    const out: { row: number; input: Record<string, unknown>; errors: ImportError[] }[] = [];
    let header = true;
    outer: for await (const batch of readRows(fileOf(r))) {
      for (let i = 0; i < batch.rows.length; i++) {
        if (header) {
          header = false;
          continue;
        }
        const res = check(batch.rows[i], batch.lines[i]);
        out.push({ row: batch.lines[i], input: res.input, errors: res.errors });
        if (out.length >= PREVIEW_ROWS) break outer;
      }
    }
    return { mapping, rows: out };
  }

  /** Resolves once this process has no pass running for the import (tests, benchmarks). */
  async function settled(id: string) {
    await running.get(id);
  }

  /**
   * A whole import of a file on disk without HTTP: registers it, maps it (given, or as suggested),
   * and commits it in one pass. The file is left where it is.
   */
  async function importPath(actor: Principal, path: string, mapping: Record<string, string> | null, mode: CommitMode, o: Omit<CommitOptions, 'mode'> = {}): Promise<ImportView> {
    const id = randomUUID();
    const head = await sniffFile(path);
    const r = await register(actor, id, path.split(/[\\/]/).pop() ?? 'file', path, head);
    const m = mapping ?? json<Record<string, string>>(r.suggested_mapping);
    checkMapping(m, json<string[]>(r.columns));
    const [u] = await database.rows<Row>(sql`UPDATE seizure_imports SET status = 'committing', mapping = ${JSON.stringify(m)}::jsonb, commit_mode = ${mode},
        submit = ${!!o.submit}, accept_nominal = ${!!o.acceptNominalWarnings}, claim_boot = ${boot}, updated_at = now() WHERE id = ${id} RETURNING ${COLUMNS}`);
    await runCommit(u, actor, { mode, ...o }, [actor.userId], path, false);
    return view((await load(id))!);
  }

  return { upload, validate, commit, get, list, preview, settled, importPath, maxBytes };
}

export type Imports = ReturnType<typeof createImports>;

/** The end-to-end import of a file on disk, for benchmarks and scripts (no HTTP). */
export async function importFile(
  ctx: Ctx,
  actor: Principal,
  path: string,
  mapping: Record<string, string> | null = null,
  mode: CommitMode = 'valid',
  o: { submit?: boolean; acceptNominalWarnings?: boolean } = {},
): Promise<ImportView> {
  return createImports(ctx).importPath(actor, path, mapping, mode, o);
}
