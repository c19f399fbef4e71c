import { PassThrough, Readable } from 'node:stream';
import { stringify as csvStringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../platform/context.ts';
import { neutraliseFormula } from '../../platform/csv-cell.ts';
import { AGGREGATE_MEASURES, EXTRACT_FIELDS, type AggregateCell, type ExtractFieldKey, type SeizureExtracts } from '../../seizures/index.ts';
import type { DataRequestScope, ExtractFormat } from './data-requests-view.ts';
import { yieldToReader } from '../../platform/files/backpressure.ts';

/**
 * The file of an extract. A member administration's: one row per validated seizure with only the approved
 * fields, streamed in batches. A partner organisation's: counts by the approved dimensions, every published
 * cell counting at least k seizures from at least 2 reporting administrations, the others shown as
 * "suppressed". No total of any kind is published (no row, column or grand total, no count of the seizures
 * selected): a total over cells of which one is suppressed gives that cell away by subtraction, and the
 * reader can add up the published cells alone. XLSX carries the data dictionary and the licence as sheets;
 * CSV has them in a companion file (the `dictionary` part).
 */
export type ExtractPart = 'extract' | 'dictionary';

export interface ExtractSpec {
  reference: string;
  purpose: string;
  orgName: string;
  recordLevel: boolean;
  format: ExtractFormat;
  scope: DataRequestScope;
  asOf: string;
  k: number;
}

export const SUPPRESSED = 'suppressed';
const MIME = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const stringify = (rows: unknown[][]) => csvStringify(rows, { cast: { string: neutraliseFormula } });
const MEASURE_COLUMNS = ['seizures', 'administrations', 'quantity_kg'];

export const licenceNote = (s: ExtractSpec) => [
  `Data of the WCO Customs Enforcement Network (CEN), extract ${s.reference}, figures as of ${s.asOf}, provided to ${s.orgName} for the analytical purpose stated in the request.`,
  'Use it for that purpose only. Do not pass it on, do not publish records or cells other than those published here, and do not try to identify a case, a person or an operation.',
  `Cite as: "Source: World Customs Organization, CEN, extract ${s.reference}". The data are what administrations reported and validated; they are not complete counts of all seizures.`,
];

const fieldDescription = (key: string) => EXTRACT_FIELDS.find((f) => f.key === key)?.description ?? '';

/** The data dictionary: what the extract covers, each column, the suppression rule, the licence. */
export function dictionaryRows(s: ExtractSpec): string[][] {
  const rows: string[][] = [
    ['item', 'description'],
    ['extract', s.reference],
    ['purpose', s.purpose],
    ['figures as of', s.asOf],
    ['seizures', 'validated seizures of the CEN database only'],
    ['period', `${s.scope.from} to ${s.scope.to} (date of seizure, UTC, inclusive)`],
    ['risk areas', s.scope.riskAreas.length ? s.scope.riskAreas.join(', ') : 'all commodity categories'],
    ['regions', s.scope.regions.length ? s.scope.regions.join(', ') : 'all WCO regions'],
    ['kind', s.recordLevel ? 'record level: one row per seizure, only the approved fields' : 'aggregated: one row per cell of the approved dimensions'],
  ];
  for (const f of s.scope.fields) rows.push([`column ${f}`, fieldDescription(f)]);
  if (!s.recordLevel) {
    for (const m of AGGREGATE_MEASURES) rows.push([`column ${m.key === 'quantityKg' ? 'quantity_kg' : m.key}`, m.description]);
    rows.push(['suppression', `a cell is published only if it counts at least ${s.k} seizures reported by at least 2 distinct administrations; otherwise its figures read "${SUPPRESSED}" (not zero). A cell absent from the table counts no seizure.`]);
    rows.push(['totals', 'no row, column or grand total is published, so that no suppressed cell can be worked out by subtraction; totals of the published cells may be added up from them.']);
    rows.push(['one seizure, several cells', 'a seizure of several commodity categories counts once in the cell of each of them.']);
  }
  licenceNote(s).forEach((line, i) => rows.push([i === 0 ? 'licence' : '', line]));
  return rows;
}

const cellRow = (c: AggregateCell, dims: readonly string[]) => [
  ...dims.map((d) => c.key[d] ?? ''),
  ...(c.published ? [c.seizures, c.administrations, c.quantityKg ?? ''] : [SUPPRESSED, SUPPRESSED, SUPPRESSED]),
];

/** The rows of the data sheet, header first, batch by batch. */
async function* dataRows(extracts: SeizureExtracts, s: ExtractSpec): AsyncGenerator<unknown[][]> {
  const fields = s.scope.fields as ExtractFieldKey[];
  const scope = { from: s.scope.from, to: s.scope.to, categories: s.scope.riskAreas, regions: s.scope.regions, asOf: s.asOf };
  if (!s.recordLevel) {
    const cells = await extracts.aggregate(scope, fields, s.k);
    yield [[...fields, ...MEASURE_COLUMNS], ...cells.map((c) => cellRow(c, fields))];
    return;
  }
  yield [fields];
  for await (const batch of extracts.records(scope, fields)) yield batch.map((r) => fields.map((f) => r[f] ?? ''));
}

export async function extractStream(ctx: Pick<AppContext, 'log'>, extracts: SeizureExtracts, s: ExtractSpec, part: ExtractPart) {
  const base = `opencen-${s.reference.toLowerCase()}`;
  if (part === 'dictionary') {
    return { stream: Readable.from(['\uFEFF' + stringify(dictionaryRows(s))]), fileName: `${base}-dictionary.csv`, contentType: MIME.csv };
  }
  if (s.format === 'csv') {
    const gen = async function* () {
      let first = true;
      for await (const rows of dataRows(extracts, s)) {
        yield (first ? '\uFEFF' : '') + stringify(rows);
        first = false;
      }
    };
    return { stream: Readable.from(gen()), fileName: `${base}.csv`, contentType: MIME.csv };
  }
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  void (async () => {
    const data = wb.addWorksheet('Data');
    for await (const rows of dataRows(extracts, s)) {
      for (const r of rows) data.addRow(r).commit();
      await yieldToReader(out);
      if (out.destroyed) break;
    }
    data.commit();
    const dict = wb.addWorksheet('Dictionary');
    for (const r of dictionaryRows(s)) dict.addRow(r).commit();
    dict.commit();
    const licence = wb.addWorksheet('Licence');
    for (const line of licenceNote(s)) licence.addRow([line]).commit();
    licence.commit();
    await wb.commit();
  })().catch((e) => {
    ctx.log.error({ err: e }, 'data-request extract failed');
    out.destroy(e as Error);
  });
  return { stream: out as Readable, fileName: `${base}.xlsx`, contentType: MIME.xlsx };
}
