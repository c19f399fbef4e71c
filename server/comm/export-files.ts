import ExcelJS from 'exceljs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

/** A column of an export: its type decides the XLSX cell format and the SQLite column type. */
export interface ExportColumn {
  name: string;
  type: 'text' | 'integer' | 'real' | 'datetime' | 'date';
  description: string;
}
/** One sheet of the workbook, one table of the database. */
export interface ExportTable {
  name: string;
  description: string;
  columns: ExportColumn[];
  rows: (string | number | null)[][];
}

const SQLITE_TYPE: Record<ExportColumn['type'], string> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', datetime: 'TEXT', date: 'TEXT' };
const TYPE_NOTE: Record<ExportColumn['type'], string> = {
  text: 'text',
  integer: 'whole number',
  real: 'number',
  datetime: 'date and time, ISO 8601 in UTC (YYYY-MM-DDTHH:MM:SS.sssZ)',
  date: 'date, ISO 8601 (YYYY-MM-DD)',
};

/** The table that describes every other table and column (the first sheet, the `readme` table). */
export function readmeTable(tables: ExportTable[], intro: string): ExportTable {
  return {
    name: 'readme',
    description: intro,
    columns: [
      { name: 'table_name', type: 'text', description: 'the table (sheet) described' },
      { name: 'column_name', type: 'text', description: 'a column of that table; empty for the line describing the table itself' },
      { name: 'type', type: 'text', description: 'the kind of value in the column' },
      { name: 'description', type: 'text', description: 'what the table or column holds' },
    ],
    rows: [
      ['readme', null, null, intro],
      ...tables.flatMap((t) => [[t.name, null, null, t.description] as (string | null)[], ...t.columns.map((c) => [t.name, c.name, TYPE_NOTE[c.type], c.description])]),
    ],
  };
}

const isoDate = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v);

/** An XLSX workbook, one sheet per table: typed cells (dates as dates), a bold frozen header row and filters. */
export async function toXlsx(tables: ExportTable[], meta: { title: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OpenCEN';
  wb.title = meta.title;
  wb.created = new Date();
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({
      header: c.name,
      key: c.name,
      width: Math.min(60, Math.max(12, c.name.length + 2)),
      style: c.type === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map((v, i) => (v !== null && (t.columns[i].type === 'datetime' || t.columns[i].type === 'date') ? isoDate(String(v)) : v)));
    if (t.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let sqlJs: Promise<SqlJsStatic> | undefined;
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A SQLite database file, one table per export table with declared column types, built in WebAssembly. */
export async function toSqlite(tables: ExportTable[]): Promise<Buffer> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  const db = new SQL.Database();
  try {
    db.run('BEGIN');
    for (const t of tables) {
      db.run(`CREATE TABLE ${quoteIdent(t.name)} (${t.columns.map((c) => `${quoteIdent(c.name)} ${SQLITE_TYPE[c.type]}`).join(', ')})`);
      const insert = db.prepare(`INSERT INTO ${quoteIdent(t.name)} VALUES (${t.columns.map(() => '?').join(', ')})`);
      try {
        for (const r of t.rows) insert.run(r.map((v, i) => (v === null ? null : t.columns[i].type === 'integer' ? Math.round(Number(v)) : t.columns[i].type === 'real' ? Number(v) : v)));
      } finally {
        insert.free();
      }
    }
    db.run('COMMIT');
    return Buffer.from(db.export());
  } finally {
    db.close();
  }
}
