import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { tinyPdf, tinyPng } from '../platform/files/test-fixtures.ts';
import { signedIn, startScreeningTestApp } from './test-app.ts';

type T = Awaited<ReturnType<typeof startScreeningTestApp>>;
let t: T;
let owner: Awaited<ReturnType<typeof signedIn>>;
let searcher: Awaited<ReturnType<typeof signedIn>>;
let otherRecorder: Awaited<ReturnType<typeof signedIn>>;
let artId: string;
beforeAll(async () => {
  t = await startScreeningTestApp();
  owner = await signedIn(t, ['ncp']);
  searcher = await signedIn(t, ['rilo_analyst']);
  otherRecorder = await signedIn(t, ['ncp']);
  const res = await owner.client.post('/api/v1/screening/lists/art/records', { title: 'Portrait of a Lady', artistOrCulture: 'Gustav Klimt', objectType: 'painting', status: 'stolen' });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  artId = res.body.id;
});
afterAll(async () => t?.close());

const url = (path = '') => `${t.screeningUrl}/api/v1/screening/lists/art/records/${artId}/images${path}`;
const upload = (who: typeof owner, data: Buffer, type = 'image/png', name = 'front.png') =>
  fetch(`${url()}?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': type, cookie: who.client.cookie, 'x-csrf-token': who.client.csrf }, body: new Uint8Array(data) });
const download = (who: typeof owner, imageId: string) => fetch(url(`/${imageId}`), { headers: { cookie: who.client.cookie } });

describe('images of works of art', () => {
  it('are added by the recording organisation, stored encrypted, listed in the record and served back as they were', async () => {
    const res = await upload(owner, tinyPng());
    expect(res.status).toBe(201);
    const image = await res.json();
    expect(image).toMatchObject({ name: 'front.png', mime: 'image/png', size: tinyPng().length });
    // The bytes at rest are the ciphertext, not the image.
    const [stored] = await t.ctx.database.rows<{ data: Buffer | Uint8Array }>(sql`SELECT f.data FROM files f JOIN screening_art_images i ON i.file_id = f.id WHERE i.id = ${image.id}`);
    expect(Buffer.from(stored.data).equals(tinyPng())).toBe(false);

    const detail = await searcher.client.get(`/api/v1/screening/lists/art/records/${artId}`);
    expect(detail.body.images).toEqual([image]);
    const got = await download(searcher, image.id);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(tinyPng())).toBe(true);
    // Another organisation looking at the image is audited, as opening the record is.
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'screening.art.image.open' AND target_id = ${artId} AND actor_user_id = ${searcher.user.id}`);
    expect(n).toBe(1);
  });

  it('are images only, whatever the request says, and only the recording organisation adds or removes them', async () => {
    const pdf = await upload(owner, tinyPdf(), 'image/png', 'not-really.png');
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toMatchObject({ type: 'urn:opencen:problem:screening:image-type', errors: [{ field: 'file' }] });
    const foreign = await upload(otherRecorder, tinyPng());
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).type).toBe('urn:opencen:problem:screening:not-recording-organisation');
    const [{ n }] = await t.ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM screening_art_images WHERE art_id = ${artId}`);
    expect(n).toBe(1);
  });

  it('refuses an image over the upload limit', async () => {
    const big = Buffer.concat([tinyPng(), Buffer.alloc(t.config.uploadLimitBytes)]);
    const res = await upload(owner, big);
    expect(res.status).toBe(413);
  });

  it('are removed with their files, one by one or with the record', async () => {
    const second = await (await upload(owner, tinyPng(), 'application/octet-stream', 'back.png')).json();
    expect((await otherRecorder.client.delete(`/api/v1/screening/lists/art/records/${artId}/images/${second.id}`)).status).toBe(403);
    expect((await owner.client.delete(`/api/v1/screening/lists/art/records/${artId}/images/${second.id}`)).status).toBe(204);
    expect((await download(owner, second.id)).status).toBe(404);
    const fileIds = (await t.ctx.database.rows<{ file_id: string }>(sql`SELECT file_id FROM screening_art_images WHERE art_id = ${artId}`)).map((r) => r.file_id);
    expect(fileIds).toHaveLength(1);
    expect((await owner.client.delete(`/api/v1/screening/lists/art/records/${artId}`)).status).toBe(204);
    const [{ left }] = await t.ctx.database.rows<{ left: number }>(sql`SELECT count(*)::int AS left FROM files WHERE id = ANY(${`{${fileIds.join(',')}}`}::uuid[])`);
    expect(left).toBe(0);
  });
});
