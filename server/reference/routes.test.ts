import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../platform/http/server.ts';
import { loadConfig } from '../platform/config.ts';
import { createTestDatabase, type TestDatabase } from '../platform/testing/test-database.ts';
import { createReferenceModule } from './module.ts';

let t: TestDatabase;
let http: HttpServer;
beforeAll(async () => {
  t = await createTestDatabase();
  http = await createHttpServer(loadConfig({}), false);
  http.setAuthenticator(async (req) =>
    req.headers.authorization ? { userId: 'u', orgId: 'o', roles: ['viewer'], via: 'token', secondFactorPending: false } : null,
  );
  await createReferenceModule({ database: t.database }).routes!(http.app);
  await http.app.ready();
});
afterAll(async () => {
  await http?.app.close();
  await t?.cleanup();
});

const get = (url: string, auth = true) => http.app.inject({ method: 'GET', url, headers: auth ? { authorization: 'Bearer x' } : {} });

describe('GET /api/v1/reference/:kind', () => {
  it('searches, in the requested language', async () => {
    const res = await get('/api/v1/reference/countries?q=allem&lang=fr&limit=3');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ code: 'DE', label: 'Allemagne' });
    const loc = await get('/api/v1/reference/locodes?q=Rotterdam');
    expect(loc.json().items[0]).toMatchObject({ code: 'NLRTM', label: 'Rotterdam', function: '12345---' });
  });

  it('answers every kind', async () => {
    for (const kind of ['countries', 'regions', 'rilos', 'hs-codes', 'locodes', 'airports', 'currencies', 'commodities', 'detection-methods', 'concealment-methods']) {
      const res = await get(`/api/v1/reference/${kind}?limit=2`);
      expect(res.statusCode, kind).toBe(200);
      expect(res.json().items.length, kind).toBeGreaterThan(0);
    }
  });

  it('needs a signed-in caller', async () => {
    expect((await get('/api/v1/reference/countries', false)).statusCode).toBe(401);
  });

  it('rejects bad input with a problem naming the field', async () => {
    const kind = await get('/api/v1/reference/planets');
    expect(kind.statusCode).toBe(400);
    expect(kind.headers['content-type']).toMatch(/problem\+json/);
    expect(kind.json().errors[0].field).toBe('params.kind');
    const limit = await get('/api/v1/reference/countries?limit=51');
    expect(limit.statusCode).toBe(400);
    expect(limit.json().errors[0].field).toBe('querystring.limit');
    const q = await get(`/api/v1/reference/countries?q=${'x'.repeat(101)}`);
    expect(q.statusCode).toBe(400);
    expect(q.json().errors[0].field).toBe('querystring.q');
    expect((await get('/api/v1/reference/countries?lang=de')).json().errors[0].field).toBe('querystring.lang');
  });
});

describe('GET /api/v1/reference/:kind/:code', () => {
  it('returns one item', async () => {
    const res = await get('/api/v1/reference/rilos/RILO-AP?lang=ru');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'RILO-AP', label: 'РИЛО Азиатско-Тихоокеанского региона', seat: 'Seoul', region: 'AP' });
    expect((await get('/api/v1/reference/commodities/EXPLOSIVES.UREA')).json()).toMatchObject({ hsCode: '310210', globalShield: true, units: ['kg'] });
  });

  it('answers 404 as a problem for an unknown code', async () => {
    const res = await get('/api/v1/reference/countries/ZZ');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
