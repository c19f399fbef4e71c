import { sql, type SQL } from 'drizzle-orm';
import { stringify as csvStringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { isoTime } from '../../platform/db/timestamps.ts';
import type { Principal } from '../../platform/http/access.ts';
import { forbidden, notFound } from '../../platform/http/problem.ts';
import { neutraliseFormula } from '../../platform/csv-cell.ts';
import { readable, scopeOf } from '../access.ts';
import type { AlertSummary } from '../alert-view.ts';
import { handlingRules } from '../circulation.ts';
import type { AlertReads } from '../read.ts';
import type { listQuery } from '../schema.ts';
import { ALERT_COLUMNS, ALERT_FROM, shapeRow } from '../store.ts';
import type { Workflow } from '../workflow.ts';
import { alertBundle, type ExportAlert } from './export.ts';
import { alertFromBundle } from './import.ts';
import type { Bundle } from './schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;
type Meta = { ip?: string; requestId?: string };

/** The alerts that `where` selects, with what their STIX objects need (`extra` columns, a `join` and a `tail` as given). */
export async function exportRows(database: Database, where: SQL, opts: { extra?: SQL; join?: SQL; tail?: SQL } = {}): Promise<(ExportAlert & Record<string, unknown>)[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`SELECT ${ALERT_COLUMNS}, a.created_at AS "createdAt", o.country AS "authorOrgCountry",
      o.created_at AS "authorOrgCreatedAt"${opts.extra ?? sql``} FROM ${ALERT_FROM} ${opts.join ?? sql``} WHERE ${where} ${opts.tail ?? sql``}`);
  return rows.map((r) => ({ ...r, ...shapeRow(r), createdAt: isoTime(r.createdAt as string), authorOrgCreatedAt: isoTime(r.authorOrgCreatedAt as string), authorOrgCountry: (r.authorOrgCountry as string | null) ?? null }));
}

const HEADER = ['reference', 'title', 'status', 'risk_area', 'handling', 'grading', 'author', 'rilo', 'valid_from', 'valid_until', 'circulated_at', 'global_status', 'acknowledged', 'updated_at'];
const cells = (a: AlertSummary) => [
  a.reference,
  a.title,
  a.status,
  a.riskArea,
  a.handling,
  `${a.sourceReliability}${a.infoCredibility}`,
  a.authorOrgName,
  a.riloCode ?? '',
  a.validFrom,
  a.validUntil ?? '',
  a.circulatedAt ?? '',
  a.globalStatus,
  a.acknowledged === null ? '' : a.acknowledged ? 'yes' : 'no',
  a.updatedAt,
];

/** STIX export and import of alerts, and the reader's list as CSV or XLSX. */
export function createStixService(ctx: Ctx, deps: { workflow: Workflow; reads: AlertReads }) {
  const { database, audit } = ctx;

  /** One alert's bundle: 404 to a reader who may not read it, 403 when its handling code forbids export. */
  async function bundleOf(actor: Principal, id: string, meta: Meta = {}): Promise<Bundle> {
    const s = await scopeOf(database, actor);
    const [a] = await exportRows(database, sql`a.id = ${id}::uuid AND ${readable(s)}`);
    if (!a) throw notFound('Alert');
    if (!handlingRules(a.handling).exportable) throw forbidden(`Alert ${a.reference} has handling code ${a.handling} (named recipients only): it may not be exported.`);
    await audit.record({ actor, action: 'alert.export', targetType: 'alert', targetId: id, detail: { format: 'stix' }, ...meta });
    return alertBundle(a);
  }

  /** The reader's alerts list, as the list route filters it, without the H3 alerts (which may not be exported). */
  async function listRows(actor: Principal, q: z.infer<typeof listQuery>): Promise<AlertSummary[]> {
    if (q.handling && !handlingRules(q.handling).exportable) return [];
    return (await deps.reads.list(actor, q)).filter((a) => handlingRules(a.handling).exportable);
  }

  async function csv(actor: Principal, q: z.infer<typeof listQuery>, meta: Meta = {}): Promise<Buffer> {
    const rows = await listRows(actor, q);
    await audit.record({ actor, action: 'alert.list.export', detail: { format: 'csv', box: q.box, rows: rows.length }, ...meta });
    return Buffer.from('\uFEFF' + csvStringify([HEADER, ...rows.map(cells)], { cast: { string: neutraliseFormula } }), 'utf8');
  }

  async function xlsx(actor: Principal, q: z.infer<typeof listQuery>, meta: Meta = {}): Promise<Buffer> {
    const rows = await listRows(actor, q);
    await audit.record({ actor, action: 'alert.list.export', detail: { format: 'xlsx', box: q.box, rows: rows.length }, ...meta });
    const wb = new ExcelJS.Workbook();
    wb.creator = 'OpenCEN';
    wb.title = 'Alerts';
    const ws = wb.addWorksheet('alerts', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = HEADER.map((h) => ({ header: h, key: h, width: h === 'title' ? 60 : Math.max(12, h.length + 2) }));
    ws.getRow(1).font = { bold: true };
    for (const a of rows) ws.addRow(cells(a).map((c) => neutraliseFormula(c)));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADER.length } };
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** A draft alert of the caller's administration from a (validated) bundle, through the usual content checks. */
  async function importBundle(actor: Principal, b: Bundle, meta: Meta = {}): Promise<string> {
    const input = alertFromBundle(b);
    const id = await deps.workflow.create(actor, input, meta);
    await audit.record({ actor, action: 'alert.import', targetType: 'alert', targetId: id, detail: { format: 'stix', bundle: b.id }, ...meta });
    return id;
  }

  return { bundleOf, csv, xlsx, importBundle };
}

export type StixService = ReturnType<typeof createStixService>;
