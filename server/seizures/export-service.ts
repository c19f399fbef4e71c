import { PassThrough, Readable } from 'node:stream';
import { stringify as csvStringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../platform/csv-cell.ts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { AppContext } from '../platform/context.ts';
import { uuidArray } from '../platform/db/pg-array.ts';
import type { Principal } from '../platform/http/access.ts';
import { referenceSets } from '../reference/index.ts';
import { EXPORT_EXTRA_COLUMNS, extraCells, FIELD_NAMES, IMPORT_FIELDS, seizureToRow, TEMPLATE_EXAMPLES } from './import-fields.ts';
import type { Seizure, SearchFilters } from './schema.ts';
import { scopeOf, type Search } from './search.ts';
import { isoTimes, SEIZURE_JSON } from './store.ts';
import { yieldToReader } from '../platform/files/backpressure.ts';

/**
 * Exports of a search (issue 3, point 5): every record the user may see under the same filters as
 * the list, in seizure order, streamed a thousand at a time. CSV and XLSX use the import template's
 * columns (plus what the database assigned), so an export imports again; JSON gives the records as
 * the API does.
 */
/** CSV rows with every text cell neutralised against formula injection. */
const stringify = (rows: unknown[][]) => csvStringify(rows, { cast: { string: neutraliseFormula } });

export type ExportFormat = 'csv' | 'xlsx' | 'json';
type Ctx = Pick<AppContext, 'database' | 'audit' | 'log'>;

export const EXPORT_MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};
/** A worksheet holds 1,048,576 rows, the header one of them. */
export const XLSX_MAX_ROWS = 1_048_575;
const BATCH = 1000;

const EXPORT_HEADER = [...FIELD_NAMES, ...EXPORT_EXTRA_COLUMNS];
const exportRow = (s: Seizure) => [...seizureToRow(s), ...extraCells(s)];

export function createExports(ctx: Ctx, search: Search) {
  const { database, audit, log } = ctx;

  /** Records by id, in the order given, in one query. */
  async function loadMany(ids: string[]): Promise<Seizure[]> {
    const rows = await database.rows<{ j: unknown }>(sql`SELECT ${SEIZURE_JSON} AS j FROM seizures s JOIN identity_organisations o ON o.id = s.org_id
      WHERE s.id = ANY(${uuidArray(ids)})`);
    const byId = new Map<string, Seizure>();
    for (const r of rows) {
      const s = (typeof r.j === 'string' ? JSON.parse(r.j) : r.j) as Seizure;
      for (const p of s.photos) isoTimes(p as unknown as Record<string, unknown>, ['createdAt']);
      isoTimes(s as unknown as Record<string, unknown>, ['seizedAt', 'createdAt', 'updatedAt', 'submittedAt', 'validatedAt']);
      for (const c of s.commodities) {
        c.quantity = Number(c.quantity);
        if (c.value !== null) c.value = Number(c.value);
      }
      byId.set(s.id, s);
    }
    return ids.map((id) => byId.get(id)).filter((s): s is Seizure => !!s);
  }

  async function* records(actor: Principal, filters: SearchFilters, limit = Infinity): AsyncGenerator<Seizure[]> {
    const scope = await scopeOf(database, actor);
    let n = 0;
    for await (const ids of search.matchingIds(scope, filters, BATCH)) {
      const take = ids.slice(0, Math.max(0, limit - n));
      if (!take.length) return;
      const batch = await loadMany(take);
      n += batch.length;
      yield batch;
      if (n >= limit) return;
    }
  }

  /**
   * The export as a stream of bytes. The audit entry (filters, format, rows) is written once the
   * last row is out, or when the client goes away, with the rows sent until then.
   */
  function stream(actor: Principal, filters: SearchFilters, format: ExportFormat, meta: { ip?: string; requestId?: string } = {}): Readable {
    let rows = 0;
    let done = false;
    const finish = async (complete: boolean) => {
      if (done) return;
      done = true;
      try {
        await audit.record({ actor, action: 'seizure.export', targetType: 'seizure', detail: { format, filters, rows, complete }, ...meta });
      } catch (e) {
        log.error({ err: e }, 'seizure export audit failed');
      }
    };

    if (format === 'xlsx') {
      const out = new PassThrough();
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const ws = wb.addWorksheet('Seizures');
      void (async () => {
        ws.addRow(EXPORT_HEADER).commit();
        for await (const batch of records(actor, filters, XLSX_MAX_ROWS)) {
          for (const s of batch) ws.addRow(exportRow(s)).commit();
          rows += batch.length;
          await yieldToReader(out);
          if (out.destroyed) break;
        }
        ws.commit();
        await wb.commit();
        await finish(true);
      })().catch((e) => {
        log.error({ err: e }, 'seizure export failed');
        out.destroy(e as Error);
      });
      out.on('close', () => void finish(false));
      return out;
    }

    const self = async function* (): AsyncGenerator<string> {
      try {
        if (format === 'csv') yield '\uFEFF' + stringify([EXPORT_HEADER]);
        else yield '[';
        for await (const batch of records(actor, filters)) {
          if (format === 'csv') yield stringify(batch.map(exportRow));
          else yield (rows ? ',\n' : '\n') + batch.map((s) => JSON.stringify(s)).join(',\n');
          rows += batch.length;
        }
        if (format === 'json') yield '\n]\n';
        await finish(true);
      } finally {
        await finish(false);
      }
    };
    return Readable.from(self(), { objectMode: false });
  }

  return { stream, loadMany };
}

export type Exports = ReturnType<typeof createExports>;

/** The template: the header, two rows that import as they are; in XLSX a second sheet describes the fields. */
export async function importTemplate(format: 'csv' | 'xlsx'): Promise<Buffer> {
  const rows = [FIELD_NAMES, ...TEMPLATE_EXAMPLES.map((e) => FIELD_NAMES.map((f) => e[f] ?? ''))];
  if (format === 'csv') return Buffer.from('\uFEFF' + stringify(rows), 'utf8');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Seizures');
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // Cells stay text: a spreadsheet would otherwise turn 293972 or 0042 into numbers.
  for (let c = 1; c <= FIELD_NAMES.length; c++) ws.getColumn(c).numFmt = '@';
  const fields = wb.addWorksheet('Fields');
  fields.addRow(['field', 'required', 'description', 'values']);
  fields.getRow(1).font = { bold: true };
  for (const f of IMPORT_FIELDS) fields.addRow([f.name, f.required ? 'yes' : 'no', f.description, f.values?.join(', ') ?? '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template's fields, with the codes the reference data allows where the list is short. */
export async function importFields(ctx: Pick<AppContext, 'database'>) {
  const ref = await referenceSets(ctx.database);
  const codes: Record<string, string[]> = {
    detection_methods: [...ref.detectionMethods].sort(),
    concealment_methods: [...ref.concealmentMethods].sort(),
  };
  const categories = [...ref.categories.keys()].sort();
  const subcategories = [...ref.subcategories.keys()].sort();
  return IMPORT_FIELDS.map((f) => {
    let values = f.values ? [...f.values] : codes[f.name];
    if (/^commodity_\d_category$/.test(f.name)) values = categories;
    if (/^commodity_\d_subcategory$/.test(f.name)) values = subcategories;
    return { name: f.name, required: f.required, description: f.description, ...(values ? { values } : {}) };
  });
}
