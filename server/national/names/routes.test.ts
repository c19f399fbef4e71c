import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { registerNameRoutes } from './routes.ts';

let http: HttpServer;
let base = '';
beforeAll(async () => {
  http = await createHttpServer(loadConfig({}), false);
  http.setAuthenticator(async (req) => {
    const role = req.headers.authorization?.slice('Bearer '.length);
    return role ? { userId: 'u', orgId: 'o', roles: [role as 'ncp'], via: 'token', secondFactorPending: false } : null;
  });
  registerNameRoutes(http.app);
  await http.app.listen({ port: 0, host: '127.0.0.1' });
  const address = http.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await http?.app.close();
});

/** Over real HTTP on loopback. */
async function compare(payload: unknown, role: string | null = 'ncp') {
  const res = await fetch(`${base}/api/v1/national/names/compare`, {
    method: 'POST',
    body: JSON.stringify(payload),
    headers: { 'content-type': 'application/json', ...(role ? { authorization: `Bearer ${role}` } : {}) },
  });
  const body: unknown = await res.json();
  return { statusCode: res.status, json: () => body as Record<string, unknown> };
}

describe('POST /api/v1/national/names/compare', () => {
  it('answers the score, the match and the reasons', async () => {
    const res = await compare({ kind: 'person', a: 'Александр Петров', b: 'Petrov, Aleksandr' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ score: 1, match: true, reasons: ['transliteration', 'word order'] });
    const no = await compare({ kind: 'company', a: 'Alpha Trading LLC', b: 'Beta Trading LLC' });
    expect(no.json().match).toBe(false);
  });

  it('refuses a bad body with the field named', async () => {
    for (const [payload, field] of [
      [{ kind: 'ship', a: 'x', b: 'y' }, 'kind'],
      [{ kind: 'person', a: '', b: 'y' }, 'a'],
      [{ kind: 'person', a: 'x', b: 'y'.repeat(301) }, 'b'],
      [{ kind: 'person', a: 'x\u0007', b: 'y' }, 'a'],
      [{ kind: 'person', a: 'x' }, 'b'],
    ] as const) {
      const res = await compare(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.json())).toContain(field);
    }
  });

  it('needs a signed-in user with access to nominal data', async () => {
    expect((await compare({ kind: 'person', a: 'x', b: 'y' }, null)).statusCode).toBe(401);
    expect((await compare({ kind: 'person', a: 'x', b: 'y' }, 'viewer')).statusCode).toBe(403);
  });
});
