import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { execRows } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { conflict, forbidden, notFound, Problem } from '../platform/http/problem.ts';
import { scopeOf } from './access.ts';
import { loadAlert } from './store.ts';
import { permissions, type Meta, type Workflow } from './workflow.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'files'>;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff'];
/** Photos, PDF and office documents; the file store sniffs the bytes, so a renamed executable is refused. */
export const ALERT_FILE_TYPES = [
  ...PHOTO_TYPES,
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];
export const MAX_ALERT_FILE_BYTES = 15 * 1024 * 1024;
export const MAX_ALERT_FILES = 20;

/** An alert's photos and attachments, encrypted at rest by the file store; readable by whoever may read the alert. */
export function createAlertFiles(ctx: Ctx, workflow: Workflow) {
  const { database, files, audit } = ctx;

  async function editable(actor: Principal, alertId: string) {
    const s = await scopeOf(database, actor);
    const a = await loadAlert(database.db, alertId);
    if (!a || !(await workflow.canRead(database.db, a, s))) throw notFound('Alert');
    if (!permissions(a, s, false).edit) throw forbidden(`Alert ${a.reference} cannot be changed in status ${a.status} by you.`);
    return a;
  }

  async function add(actor: Principal, alertId: string, name: string, data: Buffer, meta: Meta = {}) {
    await editable(actor, alertId);
    if (data.length > MAX_ALERT_FILE_BYTES) throw new Problem(413, 'Content Too Large', 'The file is larger than the 15 MB limit.', [{ field: 'file', message: `must be at most ${MAX_ALERT_FILE_BYTES} bytes` }]);
    return database.db.transaction(async (tx) => {
      const [{ n }] = await execRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM alert_files WHERE alert_id = ${alertId}`);
      if (n >= MAX_ALERT_FILES) throw conflict(`An alert has at most ${MAX_ALERT_FILES} files.`);
      const file = await files.put({ name, data, ownerUserId: actor.userId, allowedMime: (m) => ALERT_FILE_TYPES.includes(m) }, tx);
      const kind = PHOTO_TYPES.includes(file.mime) ? 'photo' : 'attachment';
      await tx.execute(sql`INSERT INTO alert_files (alert_id, file_id, kind, added_by) VALUES (${alertId}, ${file.id}, ${kind}, ${actor.userId})`);
      await audit.record({ actor, action: 'alert.file.add', targetType: 'alert', targetId: alertId, detail: { fileId: file.id, size: data.length }, ...meta }, tx);
      return { id: file.id, name: file.name, mime: file.mime, size: file.size, kind };
    });
  }

  async function read(actor: Principal, alertId: string, fileId: string, meta: Meta = {}) {
    const s = await scopeOf(database, actor);
    const a = await loadAlert(database.db, alertId);
    if (!a || !(await workflow.canRead(database.db, a, s))) throw notFound('Alert');
    const [row] = await database.rows(sql`SELECT 1 FROM alert_files WHERE alert_id = ${alertId} AND file_id = ${fileId}`);
    const stored = row ? await files.get(fileId) : null;
    if (!stored) throw notFound('File');
    await audit.record({ actor, action: 'alert.file.read', targetType: 'alert', targetId: alertId, detail: { fileId }, ...meta });
    return stored;
  }

  async function remove(actor: Principal, alertId: string, fileId: string, meta: Meta = {}) {
    await editable(actor, alertId);
    await database.db.transaction(async (tx) => {
      const gone = await execRows(tx, sql`DELETE FROM alert_files WHERE alert_id = ${alertId} AND file_id = ${fileId} RETURNING file_id`);
      if (!gone.length) throw notFound('File');
      await files.remove(fileId, tx);
      await audit.record({ actor, action: 'alert.file.remove', targetType: 'alert', targetId: alertId, detail: { fileId }, ...meta }, tx);
    });
  }

  return { add, read, remove };
}

export type AlertFiles = ReturnType<typeof createAlertFiles>;
