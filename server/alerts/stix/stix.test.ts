import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, TestClient, type TestApp } from '../../platform/testing/test-app.ts';
import { alertCast, cocaineAlert } from '../test-fixtures.ts';
import { TLP2_MARKINGS } from './export.ts';
import { bundle, identitySdo, indicatorSdo, markingDefinition, observedDataSdo, reportSdo, stixObject } from './schema.ts';

// Examples of the STIX 2.1 specification (OASIS, sections 4 and 7), as published: the schemas must take them.
const SPEC = {
  identity: {
    type: 'identity',
    spec_version: '2.1',
    id: 'identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65',
    created: '2016-04-06T20:03:00.000Z',
    modified: '2016-04-06T20:03:00.000Z',
    name: 'ACME Widget, Inc.',
    identity_class: 'organization',
  },
  indicator: {
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    created_by_ref: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff',
    created: '2016-04-06T20:03:48.000Z',
    modified: '2016-04-06T20:03:48.000Z',
    indicator_types: ['malicious-activity'],
    name: 'Poison Ivy Malware',
    description: 'This file is part of Poison Ivy',
    pattern: "[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
    pattern_type: 'stix',
    valid_from: '2016-01-01T00:00:00Z',
  },
  report: {
    type: 'report',
    spec_version: '2.1',
    id: 'report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3',
    created_by_ref: 'identity--a463ffb3-1bd9-4d94-b02d-74e4f1658283',
    created: '2015-12-21T19:59:11.000Z',
    modified: '2015-12-21T19:59:11.000Z',
    name: 'The Black Vine Cyberespionage Group',
    description: 'A simple report with an indicator and campaign',
    published: '2016-01-20T17:00:00.000Z',
    report_types: ['campaign'],
    object_refs: ['indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2', 'campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c', 'relationship--f82356ae-fe6c-437c-9c24-6b64314ae68a'],
  },
  observedData: {
    type: 'observed-data',
    spec_version: '2.1',
    id: 'observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf',
    created_by_ref: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff',
    created: '2016-04-06T19:58:16.000Z',
    modified: '2016-04-06T19:58:16.000Z',
    first_observed: '2015-12-21T19:00:00Z',
    last_observed: '2015-12-21T19:00:00Z',
    number_observed: 50,
    object_refs: ['ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8', 'domain-name--ecb120bf-2694-4902-a737-62b74539a41b'],
  },
  tlpGreen1: {
    type: 'marking-definition',
    spec_version: '2.1',
    id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
    created: '2017-01-20T00:00:00.000Z',
    definition_type: 'tlp',
    name: 'TLP:GREEN',
    definition: { tlp: 'green' },
  },
};

describe('STIX 2.1 schemas', () => {
  it('take the examples of the specification', () => {
    expect(identitySdo.safeParse(SPEC.identity).success).toBe(true);
    expect(indicatorSdo.safeParse(SPEC.indicator).success).toBe(true);
    expect(reportSdo.safeParse(SPEC.report).success).toBe(true);
    expect(observedDataSdo.safeParse(SPEC.observedData).success).toBe(true);
    expect(markingDefinition.safeParse(SPEC.tlpGreen1).success).toBe(true);
    const b = bundle.safeParse({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: Object.values(SPEC) });
    expect(b.success, JSON.stringify(b.error?.issues)).toBe(true);
  });

  it('refuse what the specification forbids', () => {
    const bad = (o: Record<string, unknown>) => stixObject.safeParse(o).success;
    expect(bad({ ...SPEC.indicator, created: '2016-04-06T20:03:48Z' })).toBe(false); // not to the millisecond
    expect(bad({ ...SPEC.indicator, modified: '2016-04-05T20:03:48.000Z' })).toBe(false); // modified before created
    expect(bad({ ...SPEC.indicator, spec_version: '2.0' })).toBe(false);
    expect(bad({ ...SPEC.indicator, id: 'indicator--not-a-uuid' })).toBe(false);
    expect(bad({ ...SPEC.indicator, id: 'report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3' })).toBe(false);
    expect(bad({ ...SPEC.indicator, pattern: 'file hash is bad' })).toBe(false);
    expect(bad({ ...SPEC.indicator, valid_until: '2015-01-01T00:00:00Z' })).toBe(false);
    expect(bad({ ...SPEC.report, object_refs: [] })).toBe(false);
    expect(bad({ ...SPEC.report, published: undefined })).toBe(false);
    expect(bad({ ...SPEC.observedData, objects: {} })).toBe(false); // both objects and object_refs
    // An object OpenCEN does not know passes on its common properties.
    expect(bad({ type: 'campaign', id: 'campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c', spec_version: '2.1' })).toBe(true);
  });
});

let t: TestApp;
let cast: Awaited<ReturnType<typeof alertCast>>;
beforeAll(async () => {
  t = await startTestApp();
  cast = await alertCast(t);
});
afterAll(() => t?.close());

async function circulated(over: Record<string, unknown> = {}, to: string[] = []) {
  const res = await cast.fr.client.post('/api/v1/alerts', cocaineAlert(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.id as string;
  expect((await cast.fr.client.post(`/api/v1/alerts/${id}/submit`)).status).toBe(200);
  const out = await cast.rilo.client.post(`/api/v1/alerts/${id}/circulate`, { orgIds: to.length ? to : [cast.de.org.id] });
  expect(out.status, JSON.stringify(out.body)).toBe(200);
  return id;
}

type Obj = Record<string, any>;
const byType = (b: { objects: Obj[] }, type: string) => b.objects.filter((o) => o.type === type);

describe('STIX export of an alert', () => {
  it('gives a valid bundle: report, indicator, identity, TLP marking on every object, grading; stable on re-export', async () => {
    const id = await circulated({ handling: 'H2', sourceReliability: 'B', infoCredibility: 2 });
    const res = await cast.de.client.get(`/api/v1/alerts/${id}/stix`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const parsed = bundle.safeParse(res.body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const [report] = byType(res.body, 'report');
    const [indicator] = byType(res.body, 'indicator');
    const [identity] = byType(res.body, 'identity');
    const [marking] = byType(res.body, 'marking-definition');
    expect(marking.id).toBe(TLP2_MARKINGS.amber);
    for (const o of [report, indicator, identity]) expect(o.object_marking_refs).toEqual([TLP2_MARKINGS.amber]);
    expect(report.created_by_ref).toBe(identity.id);
    expect(identity.identity_class).toBe('organization');
    expect(report.object_refs).toContain(indicator.id);
    expect(report.description).toContain('Modus operandi');
    expect(report.description).toContain('Seal number differs');
    expect(report.description).toContain('Recommended action');
    expect(report).toMatchObject({ x_opencen_handling: 'H2', x_opencen_source_reliability: 'B', x_opencen_info_credibility: 2, x_opencen_grading: 'B2' });
    expect(indicator.pattern_type).toBe('stix');
    expect(indicator.pattern).toContain("x-opencen-consignment:goods[*].hs_code LIKE '293972%'");
    expect(indicator.pattern).toContain("x-opencen-consignment:route[*].country = 'EC'");
    expect(indicator.valid_from).toBe('2026-01-01T00:00:00.000Z');
    expect(indicator.valid_until).toBe('2028-01-01T00:00:00.000Z');
    // Ids are UUID v5 of the alert: the same on every export.
    const again = await cast.fr.client.get(`/api/v1/alerts/${id}/stix`);
    expect(again.body).toEqual(res.body);
  });

  it('answers 404 to a reader outside the circulation and 403 for an H3 alert', async () => {
    const id = await circulated();
    expect((await cast.ke.client.get(`/api/v1/alerts/${id}/stix`)).status).toBe(404);
    expect((await cast.de.client.get('/api/v1/alerts/00000000-0000-4000-8000-000000000000/stix')).status).toBe(404);
    const h3 = await circulated({ handling: 'H3' });
    const refused = await cast.de.client.get(`/api/v1/alerts/${h3}/stix`);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('H3');
    expect((await cast.ke.client.get(`/api/v1/alerts/${h3}/stix`)).status).toBe(404);
  });
});

describe('CSV and XLSX export of the alerts list', () => {
  it('takes the filters of the list, leaves H3 alerts out, neutralises formulas; /export.csv is not taken for an alert id', async () => {
    const formula = await circulated({ title: '=HYPERLINK("http://x","click") cocaine' });
    const h3 = await circulated({ handling: 'H3', title: 'Named recipients only cocaine alert' });
    const csv = await cast.de.client.get('/api/v1/alerts/export.csv?box=inbox');
    expect(csv.status, JSON.stringify(csv.body)).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = String(csv.body);
    expect(text.split('\n')[0]).toContain('reference,title,status');
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).not.toContain('Named recipients only cocaine alert');
    const onlyH3 = await cast.de.client.get('/api/v1/alerts/export.csv?box=inbox&handling=H3');
    expect(String(onlyH3.body).trim().split('\n')).toHaveLength(1);
    const filtered = await cast.de.client.get('/api/v1/alerts/export.csv?box=inbox&riskArea=tobacco');
    expect(String(filtered.body)).not.toContain('HYPERLINK');
    expect((await cast.ke.client.get('/api/v1/alerts/export.csv?box=inbox')).body).not.toContain('HYPERLINK');

    const res = await fetch(`${t.url}/api/v1/alerts/export.xlsx?box=inbox`, { headers: { cookie: cast.de.client.cookie } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const titles = wb.getWorksheet('alerts')!.getColumn(2).values.map(String);
    expect(titles.some((v) => v.startsWith(`'=HYPERLINK`))).toBe(true);
    expect(titles).not.toContain('Named recipients only cocaine alert');
    expect(formula && h3).toBeTruthy();
  });
});

describe('STIX import', () => {
  it('makes a draft of the caller administration from an exported bundle, mapping back what was exported', async () => {
    const id = await circulated({ handling: 'H1', sourceReliability: 'A', infoCredibility: 1, title: 'Round trip cocaine alert' });
    const exported = (await cast.de.client.get(`/api/v1/alerts/${id}/stix`)).body;
    const res = await cast.de.client.post('/api/v1/alerts/import/stix', exported);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const draft = await cast.de.client.get(`/api/v1/alerts/${res.body.id}`);
    expect(draft.body).toMatchObject({
      status: 'draft',
      authorOrgId: cast.de.org.id,
      title: 'Round trip cocaine alert',
      handling: 'H1',
      sourceReliability: 'A',
      infoCredibility: 1,
      validFrom: '2026-01-01',
      validUntil: '2027-12-31',
      commodities: [{ hsCode: '293972', description: 'Cocaine hydrochloride bricks' }],
      concealmentMethods: ['RIP_ON_RIP_OFF'],
    });
    expect(draft.body.route.map((l: { country: string }) => l.country)).toEqual(['EC', 'FR']);
  });

  it('reads a foreign bundle (TLP marking as handling, HS codes and countries of the pattern), defaults the grading', async () => {
    const foreign = {
      type: 'bundle',
      id: 'bundle--1d6f3b5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      objects: [
        {
          type: 'report',
          spec_version: '2.1',
          id: 'report--2d6f3b5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
          created: '2026-02-01T10:00:00.000Z',
          modified: '2026-02-01T10:00:00.000Z',
          name: 'Counterfeit cigarettes through Antwerp',
          description: 'Cigarettes declared as tiles.',
          published: '2026-02-01T10:00:00.000Z',
          object_refs: ['indicator--3d6f3b5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f'],
          object_marking_refs: [TLP2_MARKINGS.amber],
        },
        {
          type: 'indicator',
          spec_version: '2.1',
          id: 'indicator--3d6f3b5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
          created: '2026-02-01T10:00:00.000Z',
          modified: '2026-02-01T10:00:00.000Z',
          name: 'Tiles from Jebel Ali',
          pattern: "[x-opencen-consignment:goods[*].hs_code LIKE '240220%' AND x-opencen-consignment:route[*].country = 'AE']",
          pattern_type: 'stix',
          valid_from: '2026-02-01T00:00:00Z',
        },
      ],
    };
    const res = await cast.fr.client.post('/api/v1/alerts/import/stix', foreign);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const a = (await cast.fr.client.get(`/api/v1/alerts/${res.body.id}`)).body;
    expect(a).toMatchObject({ handling: 'H2', sourceReliability: 'X', infoCredibility: 4, validFrom: '2026-02-01', riskArea: 'other', indicators: ['Tiles from Jebel Ali'] });
    expect(a.commodities[0].hsCode).toBe('240220');
    expect(a.route[0].country).toBe('AE');
  });

  it('refuses invalid STIX (400), a bundle that cannot make an alert (422), too large (413), a reader (403), and stores nothing', async () => {
    const before = (await cast.fr.client.get('/api/v1/alerts?box=mine&limit=500')).body.alerts.length;
    const notStix = await cast.fr.client.post('/api/v1/alerts/import/stix', { type: 'bundle', id: 'bundle--x', objects: [] });
    expect(notStix.status).toBe(400);
    const badObject = await cast.fr.client.post('/api/v1/alerts/import/stix', { type: 'bundle', id: 'bundle--1d6f3b5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f', objects: [{ ...SPEC.report, created: 'yesterday' }] });
    expect(badObject.status).toBe(400);
    expect(JSON.stringify(badObject.body.errors)).toContain('created');
    const noReport = await cast.fr.client.post('/api/v1/alerts/import/stix', { type: 'bundle', id: 'bundle--1d6f3b5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f', objects: [SPEC.indicator] });
    expect(noReport.status).toBe(422);
    expect(noReport.body.detail).toContain('no report');
    const noHandling = await cast.fr.client.post('/api/v1/alerts/import/stix', { type: 'bundle', id: 'bundle--1d6f3b5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f', objects: [SPEC.report, SPEC.indicator] });
    expect(noHandling.status).toBe(422);
    expect(noHandling.body.errors.map((e: { field: string }) => e.field)).toContain('handling');
    const huge = { type: 'bundle', id: 'bundle--1d6f3b5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f', objects: [{ ...SPEC.report, description: 'x'.repeat(2 * 1024 * 1024) }] };
    expect((await cast.fr.client.post('/api/v1/alerts/import/stix', huge)).status).toBe(413);
    expect((await cast.police.client.post('/api/v1/alerts/import/stix', { type: 'bundle' })).status).toBe(403);
    expect((await new TestClient(t.url).post('/api/v1/alerts/import/stix', {})).status).toBe(401);
    expect((await cast.fr.client.get('/api/v1/alerts?box=mine&limit=500')).body.alerts.length).toBe(before);
  });
});
