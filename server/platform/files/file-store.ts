import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/database.ts';
import type { FileStore, StoredFile } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { seal, unseal, unwrapKey, wrapKey, toBuffer } from './envelope.ts';
import { sanitizeFileName } from './file-name.ts';
import { sniffMime } from './mime-sniff.ts';
import type { MasterKey } from './master-key.ts';

export const DEFAULT_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

interface FileRow {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  key_id: string;
  wrapped_key: unknown;
  iv: unknown;
  tag: unknown;
  data: unknown;
  created_at: Date | string;
}

/** Encrypted attachments stored in the database (see envelope.ts for the scheme). */
export function createFileStore(deps: {
  database: Database;
  masterKey: MasterKey;
  limitBytes?: number;
  /** Keys still accepted for reading while a rotation is under way; new files always use `masterKey`. */
  previousKeys?: MasterKey[];
}): FileStore {
  const { database, masterKey } = deps;
  const readKeys = new Map([masterKey, ...(deps.previousKeys ?? [])].map((k) => [k.id, k]));
  const limitBytes = deps.limitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES;

  return {
    async put(input, tx?: Db) {
      if (input.data.length > limitBytes) {
        const mb = (limitBytes / 1024 / 1024).toFixed(limitBytes % (1024 * 1024) ? 1 : 0);
        throw new Problem(413, 'Content Too Large', `The file is larger than the ${mb} MB limit.`, [
          { field: 'file', message: `must be at most ${limitBytes} bytes` },
        ]);
      }
      const mime = await sniffMime(input.data);
      if (input.allowedMime && !input.allowedMime(mime)) {
        throw new Problem(415, 'Unsupported Media Type', `Files of type ${mime} are not accepted here.`, [
          { field: 'file', message: `type ${mime} is not allowed` },
        ]);
      }
      const id = randomUUID();
      const name = sanitizeFileName(input.name);
      const sha256 = createHash('sha256').update(input.data).digest('hex');
      const sealed = seal(input.data, id);
      const wrapped = wrapKey(masterKey, sealed.dataKey, id);
      const result = await (tx ?? database.db).execute(sql`
        INSERT INTO files (id, name, mime, size, sha256, owner_user_id, key_id, wrapped_key, iv, tag, data)
        VALUES (${id}, ${name}, ${mime}, ${input.data.length}, ${sha256}, ${input.ownerUserId ?? null}, ${masterKey.id},
                ${wrapped}, ${sealed.iv}, ${sealed.tag}, ${sealed.data})
        RETURNING created_at`);
      const createdAt = (result as unknown as { rows: { created_at: Date | string }[] }).rows[0].created_at;
      return { id, name, mime, size: input.data.length, createdAt: new Date(createdAt) };
    },

    async get(id) {
      if (!isUuid(id)) return null;
      const [row] = await database.rows<FileRow>(sql`SELECT * FROM files WHERE id = ${id}`);
      if (!row) return null;
      const key = readKeys.get(row.key_id);
      if (!key) throw new Error(`File ${id} is wrapped by master key ${row.key_id}, which this node does not hold (it has ${masterKey.id}).`);
      const dataKey = unwrapKey(key, toBuffer(row.wrapped_key), id);
      const data = unseal({ dataKey, iv: toBuffer(row.iv), tag: toBuffer(row.tag), data: toBuffer(row.data) }, id);
      if (createHash('sha256').update(data).digest('hex') !== row.sha256) throw new Error(`File ${id} does not match its recorded checksum.`);
      return { file: toStoredFile(row), data };
    },

    async remove(id, tx?: Db) {
      if (!isUuid(id)) return;
      await (tx ?? database.db).execute(sql`DELETE FROM files WHERE id = ${id}`);
    },
  };
}

function toStoredFile(row: FileRow): StoredFile {
  return { id: row.id, name: row.name, mime: row.mime, size: Number(row.size), createdAt: new Date(row.created_at) };
}

// A malformed id would make PostgreSQL raise on the uuid cast; it simply names no file.
function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
