import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { execRows } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/access.ts';
import { conflict, notFound, Problem } from '../../platform/http/problem.ts';
import { partyOf } from './access.ts';
import type { Meta, Requests } from './requests.ts';

/** Documents a thread may carry: images, PDF and office files (the file store sniffs the bytes). */
export const HELPDESK_FILE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
export const MAX_HELPDESK_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_HELPDESK_FILES = 30;

/** The attachments of a request's thread, encrypted at rest; each read is audited. */
export function createHelpdeskFiles(ctx: Pick<AppContext, 'database' | 'audit' | 'files'>, requests: Requests) {
  const { database, audit, files } = ctx;

  async function add(actor: Principal, requestId: string, name: string, data: Buffer, meta: Meta = {}) {
    if (data.length > MAX_HELPDESK_FILE_BYTES) throw new Problem(413, 'Content Too Large', 'The file is larger than the 10 MB limit.', [{ field: 'file', message: `must be at most ${MAX_HELPDESK_FILE_BYTES} bytes` }]);
    if (data.length === 0) throw new Problem(422, 'Unprocessable Content', 'The file is empty.', [{ field: 'file', message: 'must not be empty' }]);
    let after: () => Promise<void> = async () => {};
    const added = await database.db.transaction(async (tx) => {
      const row = await requests.load(tx, requestId, true);
      const party = partyOf(actor, row.orgId);
      if (row.status === 'closed') throw conflict(`Request ${row.reference} is closed.`);
      const [{ n }] = await execRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM helpdesk_files WHERE request_id = ${requestId}`);
      if (n >= MAX_HELPDESK_FILES) throw conflict(`A request has at most ${MAX_HELPDESK_FILES} files.`);
      const file = await files.put({ name, data, ownerUserId: actor.userId, allowedMime: (m) => HELPDESK_FILE_TYPES.includes(m) }, tx);
      await tx.execute(sql`INSERT INTO helpdesk_files (request_id, file_id, added_by) VALUES (${requestId}, ${file.id}, ${actor.userId})`);
      await requests.addEntry(tx, requestId, actor, 'file', '', { fileId: file.id, fileName: file.name, size: file.size });
      await audit.record({ actor, action: 'desk.request.file.add', targetType: 'desk.request', targetId: requestId, detail: { fileId: file.id, size: file.size }, ...meta }, tx);
      after = await requests.tell(tx, row, party, 'new file', `${file.name} was added to the request.`);
      return { id: file.id, name: file.name, mime: file.mime, size: file.size };
    });
    await after();
    return added;
  }

  async function read(actor: Principal, requestId: string, fileId: string, meta: Meta = {}) {
    const row = await requests.load(database.db, requestId);
    partyOf(actor, row.orgId);
    const [linked] = await database.rows(sql`SELECT 1 FROM helpdesk_files WHERE request_id = ${requestId} AND file_id = ${fileId}`);
    const stored = linked ? await files.get(fileId) : null;
    if (!stored) throw notFound('File');
    await audit.record({ actor, action: 'desk.request.file.read', targetType: 'desk.request', targetId: requestId, detail: { fileId }, ...meta });
    return stored;
  }

  return { add, read };
}

export type HelpdeskFiles = ReturnType<typeof createHelpdeskFiles>;
