import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('HTTP edge', () => {
  it('publishes the OpenAPI 3.1 document and a readable API page', async () => {
    const doc = await (await fetch(`${t.url}/api/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/admin/users', '/api/v1/reference/{kind}']));
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    const page = await fetch(`${t.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/swagger/i);
  });

  it('answers health and readiness', async () => {
    expect(await (await fetch(`${t.url}/api/health`)).json()).toEqual({ status: 'ok' });
    const ready = await (await fetch(`${t.url}/api/ready`)).json();
    expect(ready.status).toBe('ready');
  });

  it('sends security headers and echoes a request id', async () => {
    const res = await fetch(`${t.url}/api/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-request-id')).toBe('trace-123');
  });

  it('answers malformed JSON and unknown routes with problem+json', async () => {
    const bad = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await bad.json()).errors[0].field).toBe('body');
    const missing = await fetch(`${t.url}/api/v1/login`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).title).toBe('Not Found');
    const invalid = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":""}' });
    const body = await invalid.json();
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.password', 'body.username']);
  });
});
