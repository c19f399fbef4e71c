import { sql } from 'drizzle-orm';
import { isUniqueViolation } from '../platform/db/errors.ts';
import type { AppContext } from '../platform/context.ts';
import { type Db, execRows } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { conflict, notFound } from '../platform/http/problem.ts';
import { installBuiltinTemplates } from './builtin-templates.ts';
import type { Meta, Operations } from './operations.ts';
import type { OperationRole } from './schema.ts';
import type { Labels, TemplateCreate, TemplateDefinition, TemplateUpdate } from './templates-schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit'>;
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** Templates are edited by the operation's coordinators (OCU+); every member reads them. */
export const MAY_EDIT_TEMPLATES: readonly OperationRole[] = ['ocu_plus'];

export interface StoredTemplate {
  id: string;
  operationId: string;
  code: string;
  prefix: string;
  names: Labels;
  definition: TemplateDefinition;
  version: number;
  builtin: boolean;
  updatedAt: string;
}

const COLUMNS = sql`id, operation_id AS "operationId", code, prefix, names, definition, version, builtin, updated_at AS "updatedAt"`;
const shape = (r: Record<string, unknown>): StoredTemplate =>
  ({ ...r, names: json(r.names), definition: json(r.definition), updatedAt: new Date(r.updatedAt as string).toISOString() }) as StoredTemplate;

export function createTemplates(ctx: Ctx, operations: Operations) {
  const { database, audit } = ctx;

  async function list(p: Principal, opId: string): Promise<StoredTemplate[]> {
    await operations.requireMember(p, opId);
    const read = async () => (await database.rows<Record<string, unknown>>(sql`SELECT ${COLUMNS} FROM comm_templates WHERE operation_id = ${opId} ORDER BY builtin DESC, code`)).map(shape);
    const found = await read();
    if (found.length) return found;
    // An operation opened before templates existed gets the built-ins when first asked (templates are never deleted).
    await database.db.transaction((t) => installBuiltinTemplates(t, opId));
    return read();
  }

  /** A template of this operation, as it is now; null when it is not one of the operation's. */
  async function current(opId: string, templateId: string, db: Db = database.db): Promise<StoredTemplate | null> {
    const [r] = await execRows<Record<string, unknown>>(db, sql`SELECT ${COLUMNS} FROM comm_templates WHERE id = ${templateId} AND operation_id = ${opId}`);
    return r ? shape(r) : null;
  }

  /** The version a message was written with. */
  async function version(templateId: string, v: number): Promise<{ names: Labels; definition: TemplateDefinition } | null> {
    const [r] = await database.rows<{ names: unknown; definition: unknown }>(sql`SELECT names, definition FROM comm_template_versions WHERE template_id = ${templateId} AND version = ${v}`);
    return r ? { names: json(r.names) as Labels, definition: json(r.definition) as TemplateDefinition } : null;
  }

  async function get(p: Principal, opId: string, templateId: string): Promise<StoredTemplate> {
    await operations.requireMember(p, opId);
    const t = await current(opId, templateId);
    if (!t) throw notFound('Template');
    return t;
  }

  const taken = (input: { code?: string; prefix: string }) =>
    conflict(`The code or the letter is already used by another template of this operation.`, [
      ...(input.code ? [{ field: 'body.code', message: 'may already be used' }] : []),
      { field: 'body.prefix', message: 'may already be used' },
    ]);

  async function create(p: Principal, opId: string, input: TemplateCreate, meta: Meta = {}): Promise<StoredTemplate> {
    await operations.requireMember(p, opId, MAY_EDIT_TEMPLATES);
    try {
      const id = await database.db.transaction(async (tx) => {
        const [row] = await execRows<{ id: string }>(tx, sql`INSERT INTO comm_templates (operation_id, code, prefix, names, definition, created_by, updated_by)
          VALUES (${opId}, ${input.code}, ${input.prefix}, ${JSON.stringify(input.names)}::jsonb, ${JSON.stringify(input.definition)}::jsonb, ${p.userId}, ${p.userId}) RETURNING id`);
        await tx.execute(sql`INSERT INTO comm_template_versions (template_id, version, names, definition, created_by)
          VALUES (${row.id}, 1, ${JSON.stringify(input.names)}::jsonb, ${JSON.stringify(input.definition)}::jsonb, ${p.userId})`);
        await audit.record({ actor: p, action: 'comm.template.create', targetType: 'operation', targetId: opId, detail: { templateId: row.id, code: input.code }, ...meta }, tx);
        return row.id;
      });
      return (await current(opId, id))!;
    } catch (e) {
      if (isUniqueViolation(e)) throw taken(input);
      throw e;
    }
  }

  /** A new version: messages already written keep reading with the version they were written with. */
  async function update(p: Principal, opId: string, templateId: string, input: TemplateUpdate, meta: Meta = {}): Promise<StoredTemplate> {
    await operations.requireMember(p, opId, MAY_EDIT_TEMPLATES);
    try {
      await database.db.transaction(async (tx) => {
        const [row] = await execRows<{ version: number }>(tx, sql`UPDATE comm_templates SET prefix = ${input.prefix}, names = ${JSON.stringify(input.names)}::jsonb,
            definition = ${JSON.stringify(input.definition)}::jsonb, version = version + 1, updated_by = ${p.userId}, updated_at = now()
          WHERE id = ${templateId} AND operation_id = ${opId} RETURNING version`);
        if (!row) throw notFound('Template');
        await tx.execute(sql`INSERT INTO comm_template_versions (template_id, version, names, definition, created_by)
          VALUES (${templateId}, ${row.version}, ${JSON.stringify(input.names)}::jsonb, ${JSON.stringify(input.definition)}::jsonb, ${p.userId})`);
        await audit.record({ actor: p, action: 'comm.template.update', targetType: 'operation', targetId: opId, detail: { templateId, version: row.version }, ...meta }, tx);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw taken(input);
      throw e;
    }
    return (await current(opId, templateId))!;
  }

  return { list, get, current, version, create, update };
}

export type Templates = ReturnType<typeof createTemplates>;
