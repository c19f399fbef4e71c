import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppContext } from '../platform/context.ts';
import { uuidArray } from '../platform/db/pg-array.ts';
import { requirePrincipal, type Principal } from '../platform/http/access.ts';
import { createReferenceService } from '../reference/index.ts';
import type { Cases } from './cases.ts';
import { label, type FieldValues } from './formatted-fields.ts';
import { readmeTable, toSqlite, toXlsx, type ExportColumn, type ExportTable } from './export-files.ts';
import { MAY, type Meta, type Operations } from './operations.ts';
import { opParams } from './schema.ts';
import type { GroupField, LeafField, TemplateDefinition, TemplateField } from './templates-schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;
type Cell = string | number | null;
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

export const EXPORT_FORMATS = ['xlsx', 'sqlite'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sqlite: 'application/vnd.sqlite3',
};

/** The columns one template field becomes, and how a value fills them. */
function leafColumns(f: LeafField, fileName: (id: string) => string): { columns: ExportColumn[]; cells(v: unknown): Cell[] } {
  const en = label(f.labels, 'en');
  const one = (type: ExportColumn['type'], description: string, cell: (v: unknown) => Cell) => ({ columns: [{ name: f.key, type, description }], cells: (v: unknown) => [v === undefined || v === null ? null : cell(v)] });
  switch (f.type) {
    case 'number':
      return one(f.integer ? 'integer' : 'real', en, (v) => Number(v));
    case 'datetime':
      return one('datetime', en, (v) => String(v));
    case 'date':
      return one('date', en, (v) => String(v));
    case 'country':
      return one('text', `${en} (ISO 3166 alpha-2 code)`, (v) => String(v));
    case 'hs_code':
      return one('text', `${en} (HS code, digits only)`, (v) => String(v));
    case 'place':
      return {
        columns: [
          { name: `${f.key}_locode`, type: 'text', description: `${en}: UN/LOCODE, when a known place was chosen` },
          { name: `${f.key}_text`, type: 'text', description: `${en}: the place as written, when it has no UN/LOCODE` },
        ],
        cells: (v) => {
          const p = (v ?? {}) as { locode?: string; text?: string };
          return [p.locode ?? null, p.text ?? null];
        },
      };
    case 'select':
    case 'multi_select': {
      const name = (code: string) => label(f.options.find((o) => o.code === code)?.labels ?? { en: code }, 'en');
      const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : v == null ? [] : [String(v)]);
      const many = f.type === 'multi_select';
      return {
        columns: [
          { name: f.key, type: 'text', description: `${en} (option code${many ? 's, separated by "; "' : ''})` },
          { name: `${f.key}_label`, type: 'text', description: `${en} (the option${many ? 's' : ''} in English)` },
        ],
        cells: (v) => (list(v).length ? [list(v).join('; '), list(v).map(name).join('; ')] : [null, null]),
      };
    }
    case 'attachment':
      return one('text', `${en} (file names, separated by "; ")`, (v) => (v as string[]).map(fileName).join('; '));
    default:
      return one('text', en, (v) => String(v));
  }
}

/** Every field a SEIZURE message may carry, over all template versions (the newest label wins; older fields kept). */
function allFields(definitions: TemplateDefinition[]): TemplateField[] {
  const seen = new Map<string, TemplateField>();
  for (const d of definitions) for (const f of d.sections.flatMap((s) => s.fields)) if (!seen.has(f.key)) seen.set(f.key, f);
  return [...seen.values()];
}

/**
 * The OCU's download of an operation: seizures from the SEIZURE messages (every field flattened, each
 * repeating group such as the route legs in a table of its own), warnings as cases with their response
 * times, messages by type and the statistics, with a README table describing every column.
 */
export function createExports(ctx: Ctx, operations: Operations, cases: Cases) {
  const { database, audit } = ctx;
  const reference = createReferenceService(database);

  async function tables(p: Principal, opId: string): Promise<{ code: string; tables: ExportTable[] }> {
    const [op] = await database.rows<{ code: string; name: string }>(sql`SELECT code, name FROM comm_operations WHERE id = ${opId}`);
    const versions = await database.rows<{ definition: unknown }>(sql`SELECT v.definition FROM comm_template_versions v JOIN comm_templates t ON t.id = v.template_id
      WHERE t.operation_id = ${opId} AND t.code = 'SEIZURE' ORDER BY v.version DESC`);
    const fields = allFields(versions.map((v) => json<TemplateDefinition>(v.definition)));
    const messages = await database.rows<Record<string, unknown>>(sql`SELECT m.id, m.number, m.sent_at AS "sentAt", su.display_name AS "senderName", so.name AS "senderOrg",
        so.country::text AS "senderCountry", w.number AS "warningNumber", m.template_version AS "templateVersion", m.fields
      FROM comm_messages m JOIN comm_templates t ON t.id = m.template_id AND t.code = 'SEIZURE'
      JOIN identity_users su ON su.id = m.sender_id JOIN identity_organisations so ON so.id = su.org_id
      LEFT JOIN comm_messages w ON w.id = m.linked_warning_id
      WHERE m.operation_id = ${opId} AND m.status = 'sent' ORDER BY m.sent_at, m.number`);
    const fileIds = messages.flatMap((m) => fields.filter((f) => f.type === 'attachment').flatMap((f) => (json<FieldValues>(m.fields)[f.key] as string[] | undefined) ?? []));
    const names = new Map(
      fileIds.length ? (await database.rows<{ id: string; name: string }>(sql`SELECT id, name FROM files WHERE id = ANY(${uuidArray([...new Set(fileIds)])})`)).map((f) => [f.id, f.name]) : [],
    );
    const fileName = (id: string) => names.get(id) ?? id;

    const base: ExportColumn[] = [
      { name: 'message_id', type: 'text', description: 'the id of the SEIZURE message in OpenCEN' },
      { name: 'number', type: 'text', description: 'the message number, e.g. GS-S-2026-0001' },
      { name: 'sent_at', type: 'datetime', description: 'when the message was sent' },
      { name: 'sender_name', type: 'text', description: 'who sent it' },
      { name: 'sender_organisation', type: 'text', description: "the sender's organisation" },
      { name: 'sender_country', type: 'text', description: "the sender's country (ISO 3166 alpha-2 code)" },
      { name: 'linked_warning_number', type: 'text', description: 'the WARNING this seizure answers, if any' },
      { name: 'template_version', type: 'integer', description: 'the version of the SEIZURE template the message was written with' },
    ];
    const leaves = fields.filter((f): f is LeafField => f.type !== 'group').map((f) => ({ f, ...leafColumns(f, fileName) }));
    const seizures: ExportTable = {
      name: 'seizures',
      description: 'One row per SEIZURE message sent in the operation, every field of the template in columns of its own',
      columns: [...base, ...leaves.flatMap((l) => l.columns)],
      rows: messages.map((m) => {
        const v = json<FieldValues>(m.fields);
        return [m.id as string, (m.number as string) ?? null, iso(m.sentAt), m.senderName as string, m.senderOrg as string, (m.senderCountry as string) ?? null, (m.warningNumber as string) ?? null, m.templateVersion as number, ...leaves.flatMap((l) => l.cells(v[l.f.key]))];
      }),
    };
    // Each repeating group (route legs, couriers) is a table of its own, one row per entry.
    const groups: ExportTable[] = fields
      .filter((f): f is GroupField => f.type === 'group')
      .map((g) => {
        const subs = g.fields.map((f) => ({ f, ...leafColumns(f, fileName) }));
        return {
          name: `seizure_${g.key}`,
          description: `${label(g.labels, 'en')}: one row per entry of a SEIZURE message`,
          columns: [
            { name: 'message_id', type: 'text', description: 'the SEIZURE message (seizures.message_id)' },
            { name: 'number', type: 'text', description: 'its number' },
            { name: 'position', type: 'integer', description: 'the place of the entry in the message, from 1' },
            ...subs.flatMap((s) => s.columns),
          ],
          rows: messages.flatMap((m) => {
            const entries = json<FieldValues>(m.fields)[g.key];
            return (Array.isArray(entries) ? (entries as FieldValues[]) : []).map((e, i) => [m.id as string, (m.number as string) ?? null, i + 1, ...subs.flatMap((s) => s.cells(e?.[s.f.key]))]);
          }),
        };
      });

    const all = [...(await cases.list(p, opId, { status: 'open', page: 1, pageSize: 1_000_000 })).items, ...(await cases.list(p, opId, { status: 'closed', page: 1, pageSize: 1_000_000 })).items].sort((a, b) =>
      String(a.sentAt).localeCompare(String(b.sentAt)),
    );
    const warnings: ExportTable = {
      name: 'warnings',
      description: 'One row per WARNING sent in the operation, as a case: open, or closed by its first answer or by hand',
      columns: [
        { name: 'message_id', type: 'text', description: 'the id of the WARNING message' },
        { name: 'number', type: 'text', description: 'the message number, e.g. GS-W-2026-0001' },
        { name: 'subject', type: 'text', description: 'the subject' },
        { name: 'sent_at', type: 'datetime', description: 'when the warning was sent' },
        { name: 'sender_name', type: 'text', description: 'who sent it' },
        { name: 'sender_country', type: 'text', description: "the sender's country (ISO 3166 alpha-2 code)" },
        { name: 'case_status', type: 'text', description: 'open or closed' },
        { name: 'closed_by', type: 'text', description: 'answer (a linked FEEDBACK or SEIZURE) or hand (closed by the OCU)' },
        { name: 'closed_at', type: 'datetime', description: 'when the case was closed' },
        { name: 'response_seconds', type: 'integer', description: 'from the warning to its first answer, in seconds (answered cases)' },
        { name: 'response_hours', type: 'real', description: 'the same in hours' },
        { name: 'age_seconds', type: 'integer', description: 'open cases: time since the warning was sent, at the time of the export' },
        { name: 'answers', type: 'integer', description: 'linked FEEDBACK and SEIZURE messages' },
        { name: 'first_answer_number', type: 'text', description: 'the number of the first answer' },
        { name: 'first_answer_type', type: 'text', description: 'FEEDBACK or SEIZURE' },
        { name: 'close_note', type: 'text', description: "the OCU's note when closed by hand" },
      ],
      rows: all.map((c): Cell[] => [
        c.warningId as string,
        (c.number as string) ?? null,
        c.subject as string,
        c.sentAt as string,
        c.senderName as string,
        (c.senderCountry as string) ?? null,
        c.status,
        c.closedBy,
        c.closedAt as string | null,
        c.responseSeconds,
        c.responseSeconds === null ? null : Math.round((c.responseSeconds / 3600) * 100) / 100,
        c.ageSeconds,
        c.answers as number,
        (c.firstAnswer?.number as string | undefined) ?? null,
        (c.firstAnswer?.templateCode as string | undefined) ?? null,
        (c.closeNote as string) ?? null,
      ]),
    };

    const stats = await cases.statsFor(opId, 'en');
    const countryNames = new Map<string, string>();
    await Promise.all(stats.seizures.byCountry.map(async (c) => countryNames.set(c.country, (await reference.get('countries', c.country, 'en'))?.label ?? c.country)));
    const counted = (name: string, description: string, what: string, rows: { code: string; label: string; count: number }[]): ExportTable => ({
      name,
      description,
      columns: [
        { name: `${what}_code`, type: 'text', description: `the ${what} code` },
        { name: `${what}_name`, type: 'text', description: `the ${what} in English` },
        { name: 'seizures', type: 'integer', description: 'SEIZURE messages' },
      ],
      rows: rows.map((r) => [r.code, r.label, r.count]),
    });
    const statistics: ExportTable[] = [
      {
        name: 'messages_by_type',
        description: 'Messages sent in the operation, by template (plain messages have no template)',
        columns: [
          { name: 'type_code', type: 'text', description: 'the template code (WARNING, FEEDBACK, SEIZURE…); empty for plain messages' },
          { name: 'type_name', type: 'text', description: 'the template name in English' },
          { name: 'messages', type: 'integer', description: 'messages sent' },
        ],
        rows: [...stats.messages.byTemplate.map((r) => [r.code, r.label, r.count]), ...(stats.messages.plain ? [[null, 'Messages without a template', stats.messages.plain]] : [])],
      },
      {
        name: 'statistics',
        description: 'The operation statistics at the time of the export',
        columns: [
          { name: 'metric', type: 'text', description: 'what is counted or measured' },
          { name: 'value', type: 'real', description: 'its value (empty when there is nothing to measure)' },
          { name: 'description', type: 'text', description: 'the metric in words' },
        ],
        rows: [
          ['messages_total', stats.messages.total, 'messages sent'],
          ['messages_plain', stats.messages.plain, 'messages without a template'],
          ['warnings_total', stats.warnings.total, 'WARNING messages sent'],
          ['warnings_open', stats.warnings.open, 'warnings neither answered nor closed by hand'],
          ['warnings_closed', stats.warnings.closed, 'warnings answered or closed by hand'],
          ['warnings_answered', stats.warnings.answered, 'warnings with a linked FEEDBACK or SEIZURE'],
          ['response_median_seconds', stats.responseTime.medianSeconds, 'median time from a warning to its first answer, in seconds'],
          ['response_mean_seconds', stats.responseTime.meanSeconds, 'mean time from a warning to its first answer, in seconds'],
          ['seizures_total', stats.seizures.total, 'SEIZURE messages sent'],
        ],
      },
      counted('seizures_by_commodity', 'SEIZURE messages by commodity type', 'commodity', stats.seizures.byCommodity),
      counted('seizures_by_country', 'SEIZURE messages by country of seizure', 'country', stats.seizures.byCountry.map((c) => ({ code: c.country, label: countryNames.get(c.country) ?? c.country, count: c.count }))),
      counted('seizures_by_precursor', 'SEIZURE messages by Global Shield precursor', 'precursor', stats.seizures.byPrecursor),
    ];

    const data = [seizures, ...groups, warnings, ...statistics];
    const intro = `Export of the operation ${op.name} (${op.code}) from OpenCEN, made ${new Date().toISOString()}. Each table below is described line by line.`;
    return { code: op.code, tables: [readmeTable(data, intro), ...data] };
  }

  /** The export as a file, for the OCU (OCU+ too); each download is in the audit log. */
  async function download(p: Principal, opId: string, format: ExportFormat, meta: Meta = {}): Promise<{ data: Buffer; filename: string; mime: string }> {
    await operations.requireMember(p, opId, MAY.seeEverything);
    const { code, tables: t } = await tables(p, opId);
    const data = format === 'xlsx' ? await toXlsx(t, { title: `OpenCEN ${code}` }) : await toSqlite(t);
    const seizures = t.find((x) => x.name === 'seizures')!.rows.length;
    await audit.record({ actor: p, action: 'comm.export', targetType: 'operation', targetId: opId, detail: { format, seizures, bytes: data.length }, ...meta });
    const filename = `${code.toLowerCase()}-export-${new Date().toISOString().slice(0, 10)}.${format}`;
    return { data, filename, mime: EXPORT_MIME[format] };
  }

  return { tables, download };
}

export type Exports = ReturnType<typeof createExports>;

/** Registered inside the operation scope of routes.ts, behind its membership gate. */
export function registerExportRoutes(scope: App, exports: Exports) {
  scope.get(
    '/api/v1/operations/:opId/export',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['operations'],
        summary: "Download the operation's seizures, warnings and statistics as XLSX or as a SQLite database (OCU, OCU+; audited)",
        params: opParams,
        querystring: z.object({ format: z.enum(EXPORT_FORMATS, { message: 'must be one of: xlsx, sqlite' }) }),
        produces: [EXPORT_MIME.xlsx, EXPORT_MIME.sqlite],
      },
    },
    async (r, reply) => {
      const file = await exports.download(requirePrincipal(r), r.params.opId, r.query.format, { ip: r.ip, requestId: r.id });
      return reply.header('content-type', file.mime).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'private, no-store').send(file.data);
    },
  );
}
