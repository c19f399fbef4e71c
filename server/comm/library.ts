import { sql } from 'drizzle-orm';
import { isUniqueViolation } from '../platform/db/errors.ts';
import { z } from 'zod';
import type { App, AppContext } from '../platform/context.ts';
import { execRows } from '../platform/db/database.ts';
import { requirePrincipal } from '../platform/http/access.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/http/problem.ts';
import { queueNotice } from '../identity/index.ts';
import { MAY, type Operations } from './operations.ts';
import { opParams } from './schema.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events' | 'jobs' | 'files'>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
export const MAX_LIBRARY_FILE_BYTES = 10 * 1024 * 1024;

export const libraryFolder = z.object({ id: z.uuid(), name: z.string(), files: z.number() });
export const libraryFile = z.object({
  id: z.uuid(),
  folderId: z.uuid().nullable(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedBy: z.string().nullable(),
  uploadedById: z.uuid().nullable(),
  uploadedAt: z.string(),
});
const listing = z.object({ folders: z.array(libraryFolder), files: z.array(libraryFile) });

/**
 * The operation's library: folders and files any member reads and uploads to; the uploader or an
 * OCU+ removes a file. Members whose profile asks for library alerts get an e-mail naming the operation only.
 */
export function createLibrary(ctx: Ctx, operations: Operations) {
  const { database, files, audit } = ctx;

  async function list(p: Parameters<Operations['requireMember']>[0], opId: string, folderId?: string) {
    await operations.requireMember(p, opId);
    const folders = await database.rows<{ id: string; name: string; files: number }>(sql`SELECT f.id, f.name,
        (SELECT count(*)::int FROM comm_library_files x WHERE x.folder_id = f.id) AS files
      FROM comm_library_folders f WHERE f.operation_id = ${opId} ORDER BY lower(f.name)`);
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT l.id, l.folder_id AS "folderId", f.name, f.mime, f.size,
        u.display_name AS "uploadedBy", l.uploaded_by AS "uploadedById", l.uploaded_at AS "uploadedAt"
      FROM comm_library_files l JOIN files f ON f.id = l.file_id LEFT JOIN identity_users u ON u.id = l.uploaded_by
      WHERE l.operation_id = ${opId} AND ${folderId ? sql`l.folder_id = ${folderId}` : sql`l.folder_id IS NULL`}
      ORDER BY l.uploaded_at DESC`);
    return { folders, files: rows.map((r) => ({ ...r, uploadedAt: iso(r.uploadedAt) }) as z.infer<typeof libraryFile>) };
  }

  async function createFolder(p: Parameters<Operations['requireMember']>[0], opId: string, name: string) {
    await operations.requireMember(p, opId);
    try {
      await database.rows(sql`INSERT INTO comm_library_folders (operation_id, name, created_by) VALUES (${opId}, ${name}, ${p.userId})`);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`The library already has a folder named "${name}".`, [{ field: 'body.name', message: 'is already used' }]);
      throw e;
    }
    return list(p, opId);
  }

  async function upload(p: Parameters<Operations['requireMember']>[0], opId: string, name: string, data: Buffer, folderId: string | undefined) {
    await operations.requireMember(p, opId);
    if (folderId) {
      const [f] = await database.rows(sql`SELECT 1 FROM comm_library_folders WHERE id = ${folderId} AND operation_id = ${opId}`);
      if (!f) throw badRequest('No such folder in this library.', [{ field: 'querystring.folder', message: 'is not a folder of this library' }]);
    }
    let publish: () => Promise<void> = async () => undefined;
    const id = await database.db.transaction(async (tx) => {
      const stored = await files.put({ name, data, ownerUserId: p.userId }, tx);
      const [row] = await execRows<{ id: string }>(tx, sql`INSERT INTO comm_library_files (operation_id, folder_id, file_id, uploaded_by)
        VALUES (${opId}, ${folderId ?? null}, ${stored.id}, ${p.userId}) RETURNING id`);
      await audit.record({ actor: p, action: 'comm.library.upload', targetType: 'operation', targetId: opId, detail: { fileId: stored.id, size: data.length } }, tx);
      const members = await execRows<{ user_id: string }>(tx, sql`SELECT user_id FROM comm_members WHERE operation_id = ${opId} AND user_id <> ${p.userId}`);
      const [op] = await execRows<{ name: string }>(tx, sql`SELECT name FROM comm_operations WHERE id = ${opId}`);
      await queueNotice(
        ctx,
        tx,
        { title: `New document in the ${op.name} library`, body: `A new document is in the library of the operation ${op.name}.`, link: `/operations/${opId}/library` },
        { userIds: members.map((m) => m.user_id), onlyLibraryAlerts: true },
      );
      publish = () => ctx.events.publish('comm.library', { operationId: opId, fileId: row.id }, { userIds: members.map((m) => m.user_id) });
      return row.id;
    });
    await publish();
    return (await list(p, opId, folderId)).files.find((f) => f.id === id)!;
  }

  async function download(p: Parameters<Operations['requireMember']>[0], opId: string, id: string) {
    await operations.requireMember(p, opId);
    const [row] = await database.rows<{ fileId: string }>(sql`SELECT file_id AS "fileId" FROM comm_library_files WHERE id = ${id} AND operation_id = ${opId}`);
    if (!row) throw notFound('Document');
    const f = await files.get(row.fileId);
    if (!f) throw notFound('Document');
    await audit.record({ actor: p, action: 'comm.library.download', targetType: 'operation', targetId: opId, detail: { documentId: id } });
    return f;
  }

  async function remove(p: Parameters<Operations['requireMember']>[0], opId: string, id: string) {
    const role = await operations.requireMember(p, opId);
    await database.db.transaction(async (tx) => {
      const [row] = await execRows<{ file_id: string; uploaded_by: string }>(tx, sql`SELECT file_id, uploaded_by FROM comm_library_files WHERE id = ${id} AND operation_id = ${opId} FOR UPDATE`);
      if (!row) throw notFound('Document');
      if (row.uploaded_by !== p.userId && !(MAY.manageMembers as readonly string[]).includes(role)) throw forbidden('Only the uploader or an OCU+ removes a document.');
      await tx.execute(sql`DELETE FROM comm_library_files WHERE id = ${id}`);
      await files.remove(row.file_id, tx);
      await audit.record({ actor: p, action: 'comm.library.remove', targetType: 'operation', targetId: opId, detail: { documentId: id } }, tx);
    });
  }

  async function removeFolder(p: Parameters<Operations['requireMember']>[0], opId: string, folderId: string) {
    await operations.requireMember(p, opId, MAY.manageMembers);
    const [n] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM comm_library_files WHERE folder_id = ${folderId}`);
    if (n.n > 0) throw conflict('The folder is not empty; move or remove its documents first.');
    const gone = await database.rows(sql`DELETE FROM comm_library_folders WHERE id = ${folderId} AND operation_id = ${opId} RETURNING id`);
    if (!gone.length) throw notFound('Folder');
  }

  return { list, createFolder, upload, download, remove, removeFolder };
}

export type Library = ReturnType<typeof createLibrary>;

const tags = ['operations'];
const OP = '/api/v1/operations/:opId';
const docParams = opParams.extend({ docId: z.uuid('must be a UUID') });

/** Registered inside the operation scope, behind its membership gate. */
export function registerLibraryRoutes(scope: App, library: Library) {
  scope.get(
    `${OP}/library`,
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Library folders and the documents of one folder (none: the top level)', params: opParams, querystring: z.object({ folder: z.uuid().optional() }), response: { 200: listing } } },
    async (r) => (await library.list(requirePrincipal(r), r.params.opId, r.query.folder)),
  );
  scope.post(
    `${OP}/library/folders`,
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Add a library folder', params: opParams, body: z.object({ name: z.string().trim().min(1, 'must not be empty').max(100) }), response: { 201: listing } } },
    async (r, reply) => reply.status(201).send((await library.createFolder(requirePrincipal(r), r.params.opId, r.body.name))),
  );
  scope.delete(
    `${OP}/library/folders/:docId`,
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Remove an empty library folder (OCU+)', params: docParams } },
    async (r, reply) => {
      await library.removeFolder(requirePrincipal(r), r.params.opId, r.params.docId);
      return reply.status(204).send();
    },
  );
  scope.get(
    `${OP}/library/documents/:docId`,
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Download a document', params: docParams } },
    async (r, reply) => {
      const { file, data } = await library.download(requirePrincipal(r), r.params.opId, r.params.docId);
      return reply.header('content-type', file.mime).header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"`).send(data);
    },
  );
  scope.delete(
    `${OP}/library/documents/:docId`,
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Remove a document (its uploader or an OCU+)', params: docParams } },
    async (r, reply) => {
      await library.remove(requirePrincipal(r), r.params.opId, r.params.docId);
      return reply.status(204).send();
    },
  );
  scope.register(async (plugin) => {
    const upload = plugin as unknown as App;
    upload.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_LIBRARY_FILE_BYTES + 1024 }, (_r, body, done) => done(null, body));
    upload.post(
      `${OP}/library/documents`,
      {
        bodyLimit: MAX_LIBRARY_FILE_BYTES + 1024,
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Upload a document (raw body, any type, at most 10 MB)',
          params: opParams,
          querystring: z.object({ name: z.string().trim().min(1).max(200), folder: z.uuid().optional() }),
          response: { 201: libraryFile },
        },
      },
      async (r, reply) => reply.status(201).send((await library.upload(requirePrincipal(r), r.params.opId, r.query.name, r.body as Buffer, r.query.folder))),
    );
  });
}
