import sharp from 'sharp';
import { MAX_PHOTO_BYTES } from './vocabulary.ts';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { execRows } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { conflict, notFound, Problem } from '../platform/http/problem.ts';
import type { Records, Meta } from './records.ts';

type Ctx = Pick<AppContext, 'database' | 'audit' | 'files'>;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff'];
export const MAX_PHOTOS = 20;
const THUMB_PX = 320;
export { MAX_PHOTO_BYTES };

/**
 * Photos of a seizure, encrypted at rest by the file store, each with a small JPEG thumbnail for
 * lists and reports. Photos may show a person; the hub takes photos of goods, and says so in the UI.
 */
export function createPhotos(ctx: Ctx, records: Records) {
  const { database, files, audit } = ctx;

  async function add(actor: Principal, seizureId: string, name: string, data: Buffer, caption: string | null, meta: Meta = {}) {
    const s = await records.get(actor, seizureId);
    if (s.orgId !== actor.orgId) throw notFound('Seizure');
    if (s.status === 'submitted') throw conflict('The seizure is with the RILO for validation; add photos once it is validated or returned.');
    if (s.photos.length >= MAX_PHOTOS) throw conflict(`A seizure has at most ${MAX_PHOTOS} photos.`);
    // The decoder only sees what passed the size limit; the file store then checks the sniffed type.
    if (data.length > MAX_PHOTO_BYTES) throw new Problem(413, 'Content Too Large', 'The photo is larger than the 10 MB limit.', [{ field: 'file', message: `must be at most ${MAX_PHOTO_BYTES} bytes` }]);
    let thumb: Buffer;
    try {
      thumb = await sharp(data, { limitInputPixels: 100_000_000 }).rotate().resize(THUMB_PX, THUMB_PX, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
    } catch {
      thumb = Buffer.alloc(0);
    }
    return database.db.transaction(async (tx) => {
      const file = await files.put({ name, data, ownerUserId: actor.userId, allowedMime: (m) => PHOTO_TYPES.includes(m) }, tx);
      if (!thumb.length) throw new Problem(422, 'Unprocessable Content', 'The image could not be read.', [{ field: 'file', message: 'is not a readable image' }]);
      const th = await files.put({ name: `thumb-${file.name.replace(/\.\w+$/, '')}.jpg`, data: thumb, ownerUserId: actor.userId }, tx);
      const [row] = await execRows<{ id: string }>(tx, sql`INSERT INTO seizure_photos (seizure_id, file_id, thumb_file_id, caption, created_by)
        VALUES (${seizureId}, ${file.id}, ${th.id}, ${caption}, ${actor.userId}) RETURNING id`);
      await audit.record({ actor, action: 'seizure.photo.add', targetType: 'seizure', targetId: seizureId, detail: { photoId: row.id, size: data.length }, ...meta }, tx);
      return { id: row.id, name: file.name, mime: file.mime, size: file.size, caption, createdAt: file.createdAt.toISOString() };
    });
  }

  async function read(actor: Principal, seizureId: string, photoId: string, thumb: boolean) {
    await records.get(actor, seizureId);
    const [p] = await database.rows<{ file: string; thumb: string | null }>(
      sql`SELECT file_id AS file, thumb_file_id AS thumb FROM seizure_photos WHERE id = ${photoId} AND seizure_id = ${seizureId}`,
    );
    if (!p) throw notFound('Photo');
    const stored = await files.get(thumb && p.thumb ? p.thumb : p.file);
    if (!stored) throw notFound('Photo');
    return stored;
  }

  async function remove(actor: Principal, seizureId: string, photoId: string, meta: Meta = {}) {
    const s = await records.get(actor, seizureId);
    if (s.orgId !== actor.orgId) throw notFound('Seizure');
    if (s.status === 'submitted') throw conflict('The seizure is with the RILO for validation.');
    await database.db.transaction(async (tx) => {
      const [p] = await execRows<{ file: string; thumb: string | null }>(tx, sql`DELETE FROM seizure_photos WHERE id = ${photoId} AND seizure_id = ${seizureId}
        RETURNING file_id AS file, thumb_file_id AS thumb`);
      if (!p) throw notFound('Photo');
      await files.remove(p.file, tx);
      if (p.thumb) await files.remove(p.thumb, tx);
      await audit.record({ actor, action: 'seizure.photo.remove', targetType: 'seizure', targetId: seizureId, detail: { photoId }, ...meta }, tx);
    });
  }

  return { add, read, remove };
}

export type Photos = ReturnType<typeof createPhotos>;
