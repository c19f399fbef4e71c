import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeUser } from '../identity/testing.ts';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { generateWatchLists, type GenerateResult } from './generate.ts';
import { validateIdentifier } from './identifiers/index.ts';
import { recordKeys } from './keys.ts';
import { createScreeningServices } from './module.ts';

let t: TestApp;
let result: GenerateResult;
let orgId: string;
beforeAll(async () => {
  t = await startTestApp();
  const { user, org } = await makeUser(t.ctx, ['ncp']);
  orgId = org.id;
  result = await generateWatchLists(t.ctx.database, { recordingOrgId: org.id, createdBy: user.id, travelDocuments: 300, vehicles: 60, firearms: 60, containers: 40, vessels: 40, seed: 7 });
});
afterAll(async () => t?.close());

const rowsOf = <T>(table: string) => t.ctx.database.rows<T>(sql`SELECT * FROM ${sql.raw(table)} WHERE org_id = ${orgId} ORDER BY id`);

describe('generateWatchLists', () => {
  it('writes the records asked for, each with its keys', async () => {
    expect(result.counts).toMatchObject({ travel_documents: 300, vehicles: 60, firearms: 60, containers: 40, vessels: 40 });
    const [{ missing }] = await t.ctx.database.rows<{ missing: number }>(sql`
      SELECT count(*)::int AS missing FROM screening_travel_documents d
       WHERE d.org_id = ${orgId} AND NOT EXISTS (SELECT 1 FROM screening_keys k WHERE k.record_id = d.id)`);
    expect(missing).toBe(0);
  });

  it('stores keys exactly as recording a record would', async () => {
    const docs = await rowsOf<{ id: string; number: string }>('screening_travel_documents');
    const keys = await t.ctx.database.rows<{ record_id: string; kind: string; raw: string; norm: string; folded: string }>(
      sql`SELECT record_id, kind, raw, norm, folded FROM screening_keys WHERE record_id = ${docs[0].id}`,
    );
    expect(keys.map(({ kind, raw, norm, folded }) => ({ kind, raw, norm, folded }))).toEqual(recordKeys('travel_documents', { number: docs[0].number }).keys);
  });

  it('makes a generated number findable exactly and one edit away through the search service', async () => {
    const { search } = createScreeningServices(t.ctx);
    const number = result.samples.travel_documents![5];
    const exact = await search.find({ identifier: number, list: 'travel_documents' });
    expect(exact[0].match.type).toBe('exact');
    expect(exact[0].firstLevel.number).toBe(number);
    const last = number.at(-1) === '7' ? '8' : '7';
    const typo = await search.find({ identifier: `${number.slice(0, -1)}${last}`, list: 'travel_documents' });
    expect(typo.some((h) => h.match.type === 'one_edit' && h.firstLevel.number === number)).toBe(true);
  });

  it('gives VINs, container and IMO numbers that pass their check digits', async () => {
    const vins = await rowsOf<{ vin: string }>('screening_vehicles');
    for (const { vin } of vins) {
      const v = validateIdentifier('vin', vin);
      expect(v.valid && v.warnings, vin).toEqual([]);
    }
    for (const { number } of await rowsOf<{ number: string }>('screening_containers')) expect(validateIdentifier('container', number).valid, number).toBe(true);
    for (const { imo } of await rowsOf<{ imo: string }>('screening_vessels')) {
      const v = validateIdentifier('imo', imo);
      expect(v.valid && v.fields?.shipCheck.holds, imo).toBe(true);
    }
  });

  it('keeps dates in order: issued before stolen, stolen before review', async () => {
    const docs = await rowsOf<{ issued_on: string | null; stolen_on: string; review_on: string; status: string }>('screening_travel_documents');
    for (const d of docs) {
      if (d.status === 'stolen_blank') expect(d.issued_on).toBeNull();
      else expect(new Date(d.issued_on!) < new Date(d.stolen_on)).toBe(true);
      expect(new Date(d.stolen_on) < new Date(d.review_on)).toBe(true);
    }
  });

  it('gives the same identifiers for the same seed', async () => {
    const again = await generateWatchLists(t.ctx.database, { recordingOrgId: orgId, createdBy: null, travelDocuments: 20, vehicles: 0, firearms: 5, seed: 7 });
    expect(again.samples.travel_documents).toEqual(result.samples.travel_documents!.slice(0, 20));
  });

  it('numbers records in creation order (UUIDv7 layout), new on every run', async () => {
    const docs = await t.ctx.database.rows<{ id: string }>(sql`SELECT id::text AS id FROM screening_travel_documents WHERE org_id = ${orgId} ORDER BY created_at, ctid`);
    const ids = docs.map((d) => d.id);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    // In the order the rows were written (ctid): two runs (this file generates twice), ids ascending within each, none repeated.
    const first = ids.slice(0, 300);
    expect([...first].sort()).toEqual(first);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
