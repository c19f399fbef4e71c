import { sql } from 'drizzle-orm';
import type { AppContext, StoredFile } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import type { Principal } from '../platform/http/access.ts';
import { notFound } from '../platform/http/problem.ts';
import { screeningProblem } from './problems.ts';
import type { Meta } from './records.ts';
import type { ArtImage } from './art-images-view.ts';

/** At most this many images per work of art. */
export const MAX_ART_IMAGES = 20;

type Ctx = Pick<AppContext, 'database' | 'audit' | 'files'>;

const isImage = (mime: string) => mime.startsWith('image/');
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/**
 * Images of works of art, stored encrypted in the platform's file store (type sniffed from the
 * content, images only, the store's size limit). Only the recording organisation adds or removes
 * them; anyone who may open the record sees them, and an image opened by another organisation is
 * audited as the record's detail is.
 */
export function createArtImages(ctx: Ctx) {
  const { database, audit, files } = ctx;

  async function owner(artId: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(artId)) return null;
    const [row] = await database.rows<{ orgId: string }>(sql`SELECT org_id AS "orgId" FROM screening_art WHERE id = ${artId}`);
    return row?.orgId ?? null;
  }

  async function list(artId: string): Promise<ArtImage[]> {
    const rows = await database.rows<ArtImage & { createdAt: unknown }>(sql`
      SELECT i.id, f.name, f.mime, f.size, i.created_at AS "createdAt"
        FROM screening_art_images i JOIN files f ON f.id = i.file_id
       WHERE i.art_id = ${artId} ORDER BY i.created_at, i.id`);
    return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
  }

  async function add(actor: Principal, artId: string, input: { name: string; data: Buffer }, meta: Meta = {}): Promise<ArtImage> {
    const orgId = await owner(artId);
    if (!orgId) throw notFound('Record');
    if (orgId !== actor.orgId) throw screeningProblem(403, 'not-recording-organisation', 'Only the recording organisation may add images to this record.');
    const [{ n }] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM screening_art_images WHERE art_id = ${artId}`);
    if (n >= MAX_ART_IMAGES) throw screeningProblem(409, 'too-many-images', `A record holds at most ${MAX_ART_IMAGES} images.`, [{ field: 'file', message: `at most ${MAX_ART_IMAGES} images per record` }]);
    return database.db.transaction(async (tx) => {
      let stored: StoredFile;
      try {
        stored = await files.put({ name: input.name, data: input.data, ownerUserId: actor.userId, allowedMime: isImage }, tx);
      } catch (e) {
        // The store names the type it found; the client gets the screening code for "images only".
        if ((e as { status?: number }).status === 415) throw screeningProblem(415, 'image-type', (e as Error).message, [{ field: 'file', message: 'must be an image (JPEG, PNG, GIF, WebP…)' }]);
        throw e;
      }
      const [row] = ((await tx.execute(sql`INSERT INTO screening_art_images (art_id, file_id, created_by) VALUES (${artId}, ${stored.id}, ${actor.userId})
        RETURNING id, created_at AS "createdAt"`)) as unknown as { rows: { id: string; createdAt: unknown }[] }).rows;
      await audit.record({ actor, action: 'screening.art.image.add', targetType: 'screening.art', targetId: artId, detail: { imageId: row.id, mime: stored.mime, size: stored.size }, ...meta }, tx);
      return { id: row.id, name: stored.name, mime: stored.mime, size: stored.size, createdAt: iso(row.createdAt) };
    });
  }

  async function read(actor: Principal, artId: string, imageId: string, meta: Meta = {}): Promise<{ mime: string; name: string; data: Buffer }> {
    const orgId = await owner(artId);
    const [link] = orgId && /^[0-9a-f-]{36}$/i.test(imageId) ? await database.rows<{ fileId: string }>(sql`SELECT file_id AS "fileId" FROM screening_art_images WHERE id = ${imageId} AND art_id = ${artId}`) : [];
    if (!orgId || !link) throw notFound('Image');
    const file = await files.get(link.fileId);
    if (!file) throw notFound('Image');
    if (orgId !== actor.orgId) await audit.record({ actor, action: 'screening.art.image.open', targetType: 'screening.art', targetId: artId, detail: { imageId, ownerOrgId: orgId }, ...meta });
    return { mime: file.file.mime, name: file.file.name, data: file.data };
  }

  async function remove(actor: Principal, artId: string, imageId: string, meta: Meta = {}): Promise<void> {
    const orgId = await owner(artId);
    if (!orgId) throw notFound('Image');
    if (orgId !== actor.orgId) throw screeningProblem(403, 'not-recording-organisation', 'Only the recording organisation may remove images from this record.');
    await database.db.transaction(async (tx) => {
      const rows = ((await tx.execute(sql`DELETE FROM screening_art_images WHERE id = ${imageId} AND art_id = ${artId} RETURNING file_id AS "fileId"`)) as unknown as { rows: { fileId: string }[] }).rows;
      if (!rows.length) throw notFound('Image');
      await files.remove(rows[0].fileId, tx);
      await audit.record({ actor, action: 'screening.art.image.remove', targetType: 'screening.art', targetId: artId, detail: { imageId }, ...meta }, tx);
    });
  }

  /** The files of a record about to be deleted, removed in its transaction. */
  async function removeAll(tx: Db, artId: string): Promise<void> {
    const rows = ((await tx.execute(sql`SELECT file_id AS "fileId" FROM screening_art_images WHERE art_id = ${artId}`)) as unknown as { rows: { fileId: string }[] }).rows;
    for (const r of rows) await files.remove(r.fileId, tx);
  }

  return { list, add, read, remove, removeAll };
}

export type ArtImages = ReturnType<typeof createArtImages>;
