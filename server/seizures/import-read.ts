import { createReadStream, createWriteStream } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { pipeline as pipelineCb, Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { restoreNeutralised } from '../platform/csv-cell.ts';
import { checkZip, ZipRefused } from '../platform/files/zip-guard.ts';
import ExcelJS from 'exceljs';
import { badRequest, payloadTooLarge, Problem } from '../platform/http/problem.ts';

/**
 * Reading an uploaded seizure file: spooled to disk as it arrives (never held whole), its format
 * told by its first bytes (XLSX is a ZIP), a CSV's encoding and delimiter guessed, then read back as
 * rows, in batches, with the line number a person sees in the file.
 */
export type FileFormat = 'csv' | 'xlsx';
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le';
export interface SpooledFile {
  path: string;
  format: FileFormat;
  encoding: Encoding | null;
  delimiter: string | null;
  size: number;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

type Sniffed = { size: number; format: FileFormat; encoding: Encoding | null };

/** Counts and checks bytes as they pass: the size cap, the first bytes, UTF-8 validity. */
function sniffer(maxBytes: number) {
  let size = 0;
  let head: Buffer | null = null;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) return cb(payloadTooLarge(`The file is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB.`));
      if (!head) head = Buffer.from(chunk.subarray(0, 4));
      if (validUtf8 && !head.equals(ZIP)) {
        try {
          utf8.decode(chunk, { stream: true });
        } catch {
          validUtf8 = false;
        }
      }
      cb(null, chunk);
    },
  });
  function result(): Sniffed {
    if (validUtf8) {
      try {
        utf8.decode();
      } catch {
        validUtf8 = false;
      }
    }
    const h = head as Buffer | null;
    if (!size || !h) throw badRequest('The file is empty.', [{ field: 'body', message: 'is empty' }]);
    if (h.equals(ZIP)) return { size, format: 'xlsx', encoding: null };
    if (h.equals(OLE)) throw new Problem(415, 'Unsupported Media Type', 'This is an old Excel file (.xls): save it as .xlsx or CSV.', [{ field: 'body', message: 'is an .xls file' }]);
    if (h[0] === 0xff && h[1] === 0xfe) return { size, format: 'csv', encoding: 'utf-16le' };
    return { size, format: 'csv', encoding: validUtf8 ? 'utf-8' : 'windows-1252' };
  }
  return { meter, result };
}

/**
 * Writes the request body to `path`, refusing more than `maxBytes` (413, and the partial file is
 * removed). Checks UTF-8 on the way, so a Latin-1 file is known as such without a second pass.
 */
export async function spool(body: Readable, path: string, maxBytes: number): Promise<Sniffed> {
  const { meter, result } = sniffer(maxBytes);
  try {
    await pipeline(body, meter, createWriteStream(path));
    return result();
  } catch (e) {
    await unlink(path).catch(() => undefined);
    if (e instanceof Problem) throw e;
    throw badRequest(`The upload did not complete: ${(e as Error).message}`);
  }
}

/** The same findings for a file already on disk. */
export async function sniffFile(path: string): Promise<Sniffed> {
  const { meter, result } = sniffer(Number.MAX_SAFE_INTEGER);
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), meter, new Writable({ write: (_c, _e, cb) => cb() }));
  return result();
}

/** Comma, semicolon or tab: whichever the header line holds most of outside quotes. */
export function detectDelimiter(headerText: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerText) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}

/** The first bytes of a CSV as text, to find its delimiter. */
export async function csvHead(path: string, encoding: Encoding): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return new TextDecoder(encoding).decode(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

export interface RowBatch {
  /** Line (CSV) or row (XLSX) number of each row, as a person counts them in the file. */
  lines: number[];
  rows: string[][];
  /** Bytes of the file read so far. */
  bytesRead: number;
}

const BATCH = 1000;

function decodeTo8(encoding: Encoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(cb) {
      const rest = decoder.decode();
      cb(null, rest ? Buffer.from(rest, 'utf8') : undefined);
    },
  });
}

/** Lines a record spans beyond its first: the line breaks inside its quoted cells. */
function extraLines(record: string[]): number {
  let n = 0;
  for (let i = 0; i < record.length; i++) {
    const v = record[i];
    if (v.length < 2 || (v.indexOf('\n') < 0 && v.indexOf('\r') < 0)) continue;
    for (let j = 0; j < v.length; j++) {
      const c = v.charCodeAt(j);
      if (c === 10) n++;
      else if (c === 13 && v.charCodeAt(j + 1) !== 10) n++;
    }
  }
  return n;
}

const blank = (r: readonly string[]) => {
  for (let i = 0; i < r.length; i++) if (r[i] !== '' && r[i].trim() !== '') return false;
  return true;
};

/** Every non-empty row of the file, header first, in batches. */
export async function* readRows(file: SpooledFile): AsyncGenerator<RowBatch> {
  if (file.format === 'xlsx') yield* readXlsx(file);
  else yield* readCsv(file);
}

async function* readCsv(file: SpooledFile): AsyncGenerator<RowBatch> {
  const src = createReadStream(file.path, { highWaterMark: 1 << 20 });
  const parser = parse({
    delimiter: file.delimiter ?? ',',
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  const streams: (Readable | Transform)[] = [src];
  if (file.encoding && file.encoding !== 'utf-8') streams.push(decodeTo8(file.encoding));
  const out = pipelineCb([...streams, parser] as unknown as [Readable, Transform], () => undefined) as unknown as AsyncIterable<string[]>;
  let line = 1;
  let batch: RowBatch = { lines: [], rows: [], bytesRead: 0 };
  try {
    for await (const record of out) {
      const at = line;
      line += 1 + extraLines(record);
      if (blank(record)) continue;
      // A cell an export neutralised against formula injection reads back as it was (done here: csv-parse's
      // cast option builds a context per cell and doubled the reading time of a large file).
      for (let i = 0; i < record.length; i++) if (record[i].charCodeAt(0) === 39) record[i] = restoreNeutralised(record[i]);
      batch.lines.push(at);
      batch.rows.push(record);
      if (batch.rows.length >= BATCH) {
        batch.bytesRead = src.bytesRead;
        yield batch;
        batch = { lines: [], rows: [], bytesRead: 0 };
      }
    }
  } catch (e) {
    if (e instanceof Problem) throw e;
    throw badRequest(`The CSV cannot be read near line ${line}: ${(e as Error).message}`, [{ field: 'body', message: (e as Error).message }]);
  } finally {
    src.destroy();
  }
  batch.bytesRead = file.size;
  if (batch.rows.length) yield batch;
}

/** A spreadsheet cell as the text a CSV would hold. Dates at midnight are dates; others keep their time (UTC). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error !== undefined) return '';
  }
  return String(v);
}

/**
 * The streaming reader cannot read a workbook whose shared strings come before its worksheets but its
 * workbook part after them (it looks the sheets up before it knows them): some writers order a file so.
 * Such a file, when small enough, is read whole instead; a bigger one is refused with a way out.
 */
const WHOLE_READ_MAX_BYTES = 64 * 1024 * 1024;

const unreadable = (why: string) =>
  badRequest(`The spreadsheet cannot be read: ${why}. Save it again from a spreadsheet program, or as CSV.`, [{ field: 'body', message: why }]);

async function* readXlsx(file: SpooledFile): AsyncGenerator<RowBatch> {
  // Sizes and ratios first: a ZIP bomb is refused before a reader inflates it into memory.
  try {
    await checkZip(file.path);
  } catch (e) {
    throw e instanceof ZipRefused ? unreadable(e.message) : e;
  }
  let yielded = false;
  try {
    for await (const batch of streamXlsx(file)) {
      yielded = true;
      yield batch;
    }
  } catch (e) {
    if (e instanceof Problem) throw e;
    // The reader's own message ("Bug : uncompressed data size mismatch") means nothing to the user.
    if (yielded || file.size > WHOLE_READ_MAX_BYTES) throw unreadable('the file is damaged or is not an XLSX workbook');
    yield* wholeXlsx(file);
  }
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values as unknown[];
  const cells: string[] = new Array(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) cells[i - 1] = cellText(values[i]);
  return cells;
}

async function* streamXlsx(file: SpooledFile): AsyncGenerator<RowBatch> {
  const src = createReadStream(file.path, { highWaterMark: 1 << 20 });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(src, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let batch: RowBatch = { lines: [], rows: [], bytesRead: 0 };
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells = rowCells(row);
        if (blank(cells)) continue;
        batch.lines.push(row.number);
        batch.rows.push(cells);
        if (batch.rows.length >= BATCH) {
          batch.bytesRead = src.bytesRead;
          yield batch;
          batch = { lines: [], rows: [], bytesRead: 0 };
        }
      }
      break; // the first worksheet only
    }
  } finally {
    src.destroy();
  }
  batch.bytesRead = file.size;
  if (batch.rows.length) yield batch;
}

async function* wholeXlsx(file: SpooledFile): AsyncGenerator<RowBatch> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file.path);
  } catch {
    throw unreadable('the file is damaged or is not an XLSX workbook');
  }
  const sheet = wb.worksheets[0];
  const batch: RowBatch = { lines: [], rows: [], bytesRead: file.size };
  sheet?.eachRow((row) => {
    const cells = rowCells(row);
    if (blank(cells)) return;
    batch.lines.push(row.number);
    batch.rows.push(cells);
  });
  for (let i = 0; i < batch.rows.length; i += BATCH)
    yield { lines: batch.lines.slice(i, i + BATCH), rows: batch.rows.slice(i, i + BATCH), bytesRead: Math.round((file.size * Math.min(i + BATCH, batch.rows.length)) / batch.rows.length) };
}

/** Header names, made unique and never empty (a header cell left blank becomes "column 7"). */
export function headerNames(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    let name = c.trim().replace(/\s+/g, ' ') || `column ${i + 1}`;
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    if (n > 1) name = `${name} (${n})`;
    return name;
  });
}
