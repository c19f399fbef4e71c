import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { signIn } from '../seizures/testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

/** An operation with its OCU+ (the creator), an OCU and a PU. */
async function operation() {
  const coordinator = await signIn(t, ['i2c_officer'], { country: 'BE' });
  const code = `R${randomUUID().replace(/-/g, '').slice(0, 7)}`.toUpperCase();
  const op = await coordinator.client.post('/api/v1/operations', { code, name: 'Operation Roles', status: 'active' });
  expect(op.status).toBe(201);
  const ocu = await signIn(t, ['ncp'], { country: 'FR' });
  const pu = await signIn(t, ['ncp'], { country: 'KE' });
  expect((await coordinator.client.post(`/api/v1/operations/${op.body.id}/members`, { userId: ocu.user.id, role: 'ocu' })).status).toBe(201);
  expect((await coordinator.client.post(`/api/v1/operations/${op.body.id}/members`, { userId: pu.user.id, role: 'pu' })).status).toBe(201);
  return { id: op.body.id as string, code, coordinator, ocu, pu };
}

const badBody = { code: '!', name: '' };

describe('operation roles are checked before the body is validated', () => {
  it('a PU changing the operation with an invalid body gets 403, not 400; the OCU+ with the same body gets 400', async () => {
    const op = await operation();
    const byPu = await op.pu.client.put(`/api/v1/operations/${op.id}`, badBody);
    expect(byPu.status).toBe(403);
    const byOcu = await op.ocu.client.put(`/api/v1/operations/${op.id}`, badBody);
    expect(byOcu.status).toBe(403);
    const byCoordinator = await op.coordinator.client.put(`/api/v1/operations/${op.id}`, badBody);
    expect(byCoordinator.status).toBe(400);
    // A valid body from the PU is still refused, and from the OCU+ accepted.
    expect((await op.pu.client.put(`/api/v1/operations/${op.id}`, { code: op.code, name: 'Renamed', status: 'active' })).status).toBe(403);
    const ok = await op.coordinator.client.put(`/api/v1/operations/${op.id}`, { code: op.code, name: 'Renamed', status: 'active' });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('Renamed');
  });

  it('the member routes answer 403 to a PU whatever the body or query, and still validate for the OCU+', async () => {
    const op = await operation();
    expect((await op.pu.client.post(`/api/v1/operations/${op.id}/members`, { userId: 'not-a-uuid', role: 'nobody' })).status).toBe(403);
    expect((await op.pu.client.put(`/api/v1/operations/${op.id}/members/not-a-uuid`, { role: 'nobody' })).status).toBe(403);
    expect((await op.pu.client.get(`/api/v1/operations/${op.id}/candidates?q=a`)).status).toBe(403);
    expect((await op.coordinator.client.post(`/api/v1/operations/${op.id}/members`, { userId: 'not-a-uuid', role: 'nobody' })).status).toBe(400);
    expect((await op.coordinator.client.get(`/api/v1/operations/${op.id}/candidates?q=a`)).status).toBe(400);
    // What every member may read stays open to the PU.
    expect((await op.pu.client.get(`/api/v1/operations/${op.id}`)).status).toBe(200);
  });
});
