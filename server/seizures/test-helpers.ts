import { makeUser, TEST_PASSWORD } from '../identity/testing.ts';
import type { Role } from '../platform/http/access.ts';
import { TestClient, type TestApp } from '../platform/testing/test-app.ts';

/** A signed-in client for a new user with these roles (in a new organisation, or the one given). */
export async function signIn(t: TestApp, roles: Role[], opts: Parameters<typeof makeUser>[2] = {}) {
  const { user, org } = await makeUser(t.ctx, roles, opts);
  const client = new TestClient(t.url);
  const res = await client.post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, user, org };
}

/** A valid seizure body: 120 kg of cocaine found by X-ray in a container at Le Havre, Guayaquil → Le Havre. */
export function cocaineSeizure(over: Record<string, unknown> = {}) {
  return {
    seizedAt: '2026-03-01T14:30:00Z',
    country: 'FR',
    placeLocode: 'FRLEH',
    locationType: 'seaport',
    direction: 'import',
    detectionMethods: ['RISK_PROFILING', 'XRAY_SCANNER'],
    concealmentMethods: ['RIP_ON_RIP_OFF'],
    concealmentDetail: 'Rip-on/rip-off bags behind the container doors',
    transportMode: 'sea',
    conveyanceType: 'sea_container',
    route: [
      { role: 'departure', country: 'EC', placeLocode: 'ECGYE' },
      { role: 'transit', country: 'PA' },
      { role: 'destination', country: 'FR', placeLocode: 'FRLEH' },
    ],
    commodities: [{ category: 'DRUGS', subcategory: 'COCAINE', hsCode: '293972', description: 'Bricks of cocaine hydrochloride', quantity: 120, unit: 'kg', value: 3600000, currency: 'EUR' }],
    offenders: [{ nationality: 'EC', gender: 'male', ageBand: '26_35', count: 2 }],
    narrative: 'Container of bananas selected by risk profiling; X-ray image showed anomalies.',
    ...over,
  };
}
