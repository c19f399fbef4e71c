import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { cocaineSeizure } from '../../seizures/testing.ts';
import { alertCast, cocaineAlert } from '../test-fixtures.ts';

let t: TestApp;
let cast: Awaited<ReturnType<typeof alertCast>>;
const today = new Date().toISOString().slice(0, 10);
const yearStart = `${today.slice(0, 4)}-01-01`;

beforeAll(async () => {
  t = await startTestApp();
  cast = await alertCast(t);
  // One validated French seizure this year, one circulated alert of the region.
  const s = await cast.fr.client.post('/api/v1/seizures', cocaineSeizure({ seizedAt: `${yearStart}T12:00:00Z` }));
  await cast.fr.client.post(`/api/v1/seizures/${s.body.id}/submit`);
  expect((await cast.rilo.client.post(`/api/v1/seizures/${s.body.id}/validate`, {})).status).toBe(200);
  const a = await cast.fr.client.post('/api/v1/alerts', cocaineAlert({ title: 'Reefer containers from Guayaquil', handling: 'H2' }));
  await cast.fr.client.post(`/api/v1/alerts/${a.body.id}/submit`);
  expect((await cast.rilo.client.post(`/api/v1/alerts/${a.body.id}/circulate`, { regions: ['EUR'] })).status).toBe(200);
});
afterAll(() => t?.close());

const bulletin = (over: Record<string, unknown> = {}) => ({
  title: 'Western Europe monthly: cocaine by sea',
  kind: 'monthly',
  region: 'EUR',
  periodFrom: yearStart,
  periodTo: today,
  language: 'en',
  handling: 'H2',
  sections: [{ heading: 'Summary', body: 'Rip-on/rip-off remains the main method at the northern ports.\n\nAlerts were circulated.' }],
  ...over,
});

describe('analysis bulletins', () => {
  it('a RILO writes a bulletin with live CEN figures and the period’s alerts, publishes it to its region, and renders it to HTML and PDF', async () => {
    const made = await cast.rilo.client.post('/api/v1/bulletins', bulletin());
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const draft = await cast.rilo.client.get(`/api/v1/bulletins/${made.body.id}`);
    expect(draft.body.figures.seizures).toBe(1);
    expect(draft.body.figures.byCategory).toEqual([{ category: 'DRUGS', seizures: 1 }]);
    expect(draft.body.figures.topConcealment).toEqual([{ code: 'RIP_ON_RIP_OFF', seizures: 1 }]);
    expect(draft.body.alerts.map((a: { title: string }) => a.title)).toEqual(['Reefer containers from Guayaquil']);
    // Unpublished, it is the author's alone.
    expect((await cast.de.client.get(`/api/v1/bulletins/${made.body.id}`)).status).toBe(404);

    const pub = await cast.rilo.client.post(`/api/v1/bulletins/${made.body.id}/publish`, { regions: ['EUR'] });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body.status).toBe('published');
    expect(pub.body.canEdit).toBe(false);
    expect((await cast.de.client.get(`/api/v1/bulletins/${made.body.id}`)).body.title).toBe('Western Europe monthly: cocaine by sea');
    expect((await cast.ke.client.get(`/api/v1/bulletins/${made.body.id}`)).status).toBe(404);
    expect((await cast.ke.client.get(`/api/v1/bulletins/${made.body.id}/pdf`)).status).toBe(404);
    // Archived as published: no more changes.
    expect((await cast.rilo.client.put(`/api/v1/bulletins/${made.body.id}`, bulletin({ title: 'Changed' }))).status).toBe(403);
    // Searchable by its text.
    expect((await cast.de.client.get('/api/v1/bulletins?q=northern')).body.bulletins.map((b: { id: string }) => b.id)).toEqual([made.body.id]);
    expect((await cast.de.client.get('/api/v1/bulletins?q=heroin')).body.bulletins).toEqual([]);

    const html = await fetch(`${t.url}/api/v1/bulletins/${made.body.id}/html`, { headers: { cookie: cast.de.client.cookie } });
    const text = await html.text();
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(text).toContain('<h2>Summary</h2>');
    expect(text).toContain('1 validated seizures in the period');
    expect(text).toContain('TLP:AMBER');
    const pdf = await fetch(`${t.url}/api/v1/bulletins/${made.body.id}/pdf`, { headers: { cookie: cast.de.client.cookie } });
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/Type \/Page\b/);
    expect(bytes.toString('latin1')).toContain('DejaVuSans');
  });

  it('counts the figures over exactly its period, across the new year and over more than two years', async () => {
    const y = Number(today.slice(0, 4));
    // Validated French seizures: three years back, last December and this January (beside beforeAll's of 1 January).
    for (const seizedAt of [`${y - 3}-06-15T10:00:00Z`, `${y - 1}-12-20T10:00:00Z`, `${y}-01-05T10:00:00Z`]) {
      const s = await cast.fr.client.post('/api/v1/seizures', cocaineSeizure({ seizedAt }));
      await cast.fr.client.post(`/api/v1/seizures/${s.body.id}/submit`);
      expect((await cast.rilo.client.post(`/api/v1/seizures/${s.body.id}/validate`, {})).status).toBe(200);
    }
    const figuresOf = async (periodFrom: string, periodTo: string) => {
      const made = await cast.rilo.client.post('/api/v1/bulletins', bulletin({ kind: 'ad_hoc', periodFrom, periodTo }));
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return (await cast.rilo.client.get(`/api/v1/bulletins/${made.body.id}`)).body.figures;
    };
    // December to January: both sides of the new year, every count, every month of the period.
    const winter = await figuresOf(`${y - 1}-12-01`, `${y}-01-31`);
    expect(winter.seizures).toBe(3);
    expect(winter.byCategory).toEqual([{ category: 'DRUGS', seizures: 3 }]);
    expect(winter.topConcealment).toEqual([{ code: 'RIP_ON_RIP_OFF', seizures: 3 }]);
    expect(winter.monthly).toEqual([{ month: `${y - 1}-12`, seizures: 1 }, { month: `${y}-01`, seizures: 2 }]);
    // Four years: the oldest seizure counts too, and the months run from the first to the last.
    const long = await figuresOf(`${y - 3}-01-01`, today);
    expect(long.seizures).toBe(4);
    expect(long.byCountry).toEqual([{ code: 'FR', seizures: 4 }]);
    expect(long.monthly[0]).toEqual({ month: `${y - 3}-01`, seizures: 0 });
    expect(long.monthly.find((m: { month: string }) => m.month === `${y - 3}-06`)).toEqual({ month: `${y - 3}-06`, seizures: 1 });
    expect(long.monthly).toHaveLength(36 + Number(today.slice(5, 7)));
  });

  it('refuses what the handling code or the period does not allow, and who may not write; nothing stored changes', async () => {
    const before = (await cast.rilo.client.get('/api/v1/bulletins')).body.bulletins.length;
    expect((await cast.rilo.client.post('/api/v1/bulletins', bulletin({ periodFrom: today, periodTo: yearStart === today ? '2000-01-01' : yearStart }))).status).toBe(422);
    expect((await cast.rilo.client.post('/api/v1/bulletins', bulletin({ region: 'XX' }))).status).toBe(422);
    expect((await cast.rilo.client.post('/api/v1/bulletins', bulletin({ sections: [] }))).status).toBe(400);
    expect((await cast.fr.client.post('/api/v1/bulletins', bulletin())).status).toBe(403);
    expect((await cast.rilo.client.get('/api/v1/bulletins')).body.bulletins.length).toBe(before);
    const h3 = await cast.rilo.client.post('/api/v1/bulletins', bulletin({ handling: 'H3' }));
    const wide = await cast.rilo.client.post(`/api/v1/bulletins/${h3.body.id}/publish`, { regions: ['EUR'] });
    expect(wide.status).toBe(422);
    expect((await cast.rilo.client.get(`/api/v1/bulletins/${h3.body.id}`)).body.status).toBe('draft');
    expect((await cast.rilo.client.post(`/api/v1/bulletins/${h3.body.id}/publish`, { global: true })).status).toBe(422);
  });
});
