import type { TestClient } from '../platform/testing/test-app.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file as the raw body of an upload, as the browser does. */
export async function upload(client: TestClient, name: string, body: Buffer | string, contentType = 'text/csv') {
  const res = await fetch(`${client.base}/api/v1/seizures/imports?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, cookie: client.cookie, 'x-csrf-token': client.csrf },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Raw bytes of a GET (templates, exports). */
export async function download(client: TestClient, path: string) {
  const res = await fetch(client.base + path, { headers: { cookie: client.cookie } });
  return { status: res.status, headers: res.headers, data: Buffer.from(await res.arrayBuffer()) };
}

/** Polls an import until its pass is over (the answer names its final status). */
export async function settle(client: TestClient, id: string) {
  for (let i = 0; i < 6000; i++) {
    const r = await client.get(`/api/v1/seizures/imports/${id}`);
    if (r.status !== 200) return r;
    if (r.body.status !== 'validating' && r.body.status !== 'committing') return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} did not settle`);
}

/** Upload, validate with the suggested mapping (or the one given), wait. */
export async function uploadAndValidate(client: TestClient, name: string, body: Buffer | string, contentType = 'text/csv', mapping?: Record<string, string>) {
  const up = await upload(client, name, body, contentType);
  if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${JSON.stringify(up.body)}`);
  const v = await client.post(`/api/v1/seizures/imports/${up.body.id}/validate`, { mapping: mapping ?? up.body.suggestedMapping });
  if (v.status !== 202) throw new Error(`validate failed: ${v.status} ${JSON.stringify(v.body)}`);
  return { upload: up.body, validated: (await settle(client, up.body.id)).body };
}

export async function commit(client: TestClient, id: string, body: Record<string, unknown>) {
  const r = await client.post(`/api/v1/seizures/imports/${id}/commit`, body);
  if (r.status !== 202) return r;
  return settle(client, id);
}

/** A CSV line from cells, quoting where needed. */
export function csvLine(cells: (string | number)[], sep = ','): string {
  return cells
    .map((c) => {
      const s = String(c);
      return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(sep);
}
