import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database.ts';
import { referenceSets, type ReferenceSets } from '../../reference/index.ts';
import { cocaineSeizure } from '../../seizures/testing.ts';
import { outboundPayload } from './payload.ts';

// What a push sends is built from the stored seizure through the allowlist and the hub's own checks; this
// puts nominal values into every field of the source, known or not, and looks for them in what would leave.

let testDb: TestDatabase;
let ref: ReferenceSets;
beforeAll(async () => {
  testDb = await createTestDatabase();
  ref = await referenceSets(testDb.database);
});
afterAll(async () => {
  await testDb?.cleanup();
});

/** A seizure as the national node stores it (the seizures module's record), with every field it has. */
function storedSeizure(): Record<string, unknown> {
  const base = cocaineSeizure();
  return {
    ...base,
    id: '0b7f5a52-3c1e-4a8e-9b57-6f0d1c2a9e41',
    reference: 'FR-2026-0000042',
    orgId: '5d2b8e3a-1f4c-4b6a-8e2d-9c7f0a1b3d55',
    orgName: 'France Customs',
    status: 'submitted',
    provenance: 'entered',
    externalRef: 'LEH-2026-0042',
    region: 'WE',
    rilo: 'RILO-WE',
    placeIata: null,
    placeText: 'Terminal de France, quai 4',
    lat: 49.48,
    lng: 0.11,
    route: base.route.map((l) => ({ placeIata: null, placeText: null, date: null, placeLocode: null, ...l })),
    commodities: base.commodities.map((c) => ({ citesSpecies: null, ...c })),
    returnComment: null,
    photos: [{ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', name: 'container.jpg', mime: 'image/jpeg', size: 1234, caption: 'doors', createdAt: '2026-03-01T15:00:00.000Z' }],
    version: 3,
    createdAt: '2026-03-01T15:00:00.000Z',
    updatedAt: '2026-03-01T15:00:00.000Z',
    submittedAt: '2026-03-01T15:10:00.000Z',
    validatedAt: null,
  };
}

/** Values that name a person or a company or identify a document, as a source may carry them in any field. */
const anyNominal = fc.oneof(
  fc.tuple(fc.constantFrom('Maria', 'Jean', 'Ahmed', 'Olga', 'Chen', 'Kwame'), fc.constantFrom('Okafor', 'Dupont', 'Silva', 'Ivanova', 'Wei', 'Mensah'), fc.nat(9999)).map(([a, b, n]) => `${a} ${b} ${n}`),
  fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.nat(999)).map(([u, n]) => `${u}${n}@mail-${n}.example`),
  fc.tuple(fc.constantFrom('P', 'AB', 'X'), fc.integer({ min: 1_000_000, max: 9_999_999 })).map(([p, n]) => `${p}${n}`),
  fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => `+33 ${n}`),
  fc.tuple(fc.constantFrom('Rue', 'Calle', 'Street'), fc.nat(500)).map(([s, n]) => `${n} ${s} of Nowhere ${n * 7 + 11}`),
  fc.tuple(fc.constantFrom('Alpha Trading', 'Nordic Freight', 'Sahel Import'), fc.constantFrom('LLC', 'SARL', 'GmbH'), fc.nat(99)).map(([a, b, n]) => `${a} ${b} ${n}`),
  // Short coded-looking values: a name or a number dressed as a code.
  fc.tuple(fc.constantFrom('OKAFOR', 'DUPONT', 'SILVA'), fc.nat(9)).map(([a, n]) => `${a}${n}`),
);
/**
 * What the free-text check recognises: free text (a narrative, a description) is allowed to leave, so there
 * the guarantee is that text which looks nominal stops the push. A bare name in a narrative cannot be told
 * from words; that is the officer's care, as on the hub itself.
 */
const recognisable = fc.oneof(
  fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.nat(999)).map(([u, n]) => `${u}${n}@mail-${n}.example`),
  fc.tuple(fc.constantFrom('P', 'AB', 'X'), fc.integer({ min: 1_000_000, max: 9_999_999 })).map(([p, n]) => `${p}${n}`),
  fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => `+33 6${String(n).replace(/(\d{2})(?=\d)/g, '$1 ')}`),
  fc.tuple(fc.stringMatching(/^[A-Z]{9}$/), fc.stringMatching(/^[A-Z0-9]{14}$/)).map(([a, b]) => `P<FRA${a}<<${b}<<<<<<`),
);

const FREE_TEXT = new Set(['narrative', 'concealmentDetail', 'placeText', 'commodities.description', 'commodities.citesSpecies', 'route.placeText']);
const EXTRA_KEYS = ['courierName', 'passportNumber', 'address', 'phone', 'email', 'company', 'consignee', 'driver', 'owner', 'dateOfBirth'];

type Slot = { path: string; put(source: Record<string, unknown>, value: string): void };

/** Every place of the source a value can go: each field (top level and in every line, leg, offender and photo), an element of each list, and unknown keys. */
function slots(source: Record<string, unknown>): Slot[] {
  const out: Slot[] = [];
  for (const key of Object.keys(source)) {
    const v = source[key];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out.push({ path: key, put: (s, value) => (s[key] as string[]).push(value) });
    else if (Array.isArray(v)) {
      const fields = new Set(v.flatMap((x) => Object.keys(x as object)));
      for (const f of [...fields, ...EXTRA_KEYS.slice(0, 3)])
        out.push({ path: `${key}.${f}`, put: (s, value) => (s[key] as Record<string, unknown>[]).forEach((item) => (item[f] = value)) });
    } else out.push({ path: key, put: (s, value) => (s[key] = value) });
  }
  for (const k of EXTRA_KEYS) out.push({ path: k, put: (s, value) => (s[k] = value) });
  return out;
}

const SLOTS = slots(storedSeizure());
const ALLOWED_FREE = (path: string) => FREE_TEXT.has(path);

/** Injects into each chosen slot; answers the values put in. */
function inject(chosen: boolean[], values: string[], free: string[]): { source: Record<string, unknown>; injected: string[] } {
  const source = structuredClone(storedSeizure());
  const injected: string[] = [];
  SLOTS.forEach((slot, i) => {
    if (!chosen[i]) return;
    const value = ALLOWED_FREE(slot.path) ? free[i] : values[i];
    slot.put(source, value);
    injected.push(value);
  });
  return { source, injected };
}

function leaks(source: Record<string, unknown>, injected: string[]): { sent: boolean; leaked: string[] } {
  const out = outboundPayload(source, ref);
  if (!out.ok) return { sent: false, leaked: [] };
  const text = JSON.stringify(out.body).toLowerCase();
  return { sent: true, leaked: injected.filter((v) => text.includes(v.toLowerCase())) };
}

const n = SLOTS.length;
const arb = (p: number) => fc.tuple(fc.array(fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < p), { minLength: n, maxLength: n }), fc.array(anyNominal, { minLength: n, maxLength: n }), fc.array(recognisable, { minLength: n, maxLength: n }));

describe('what a push sends to the hub', () => {
  it('sends the untouched seizure, with the national id as the external reference', () => {
    const out = outboundPayload(storedSeizure(), ref);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.body).toMatchObject({ country: 'FR', externalRef: '0b7f5a52-3c1e-4a8e-9b57-6f0d1c2a9e41', commodities: [{ category: 'DRUGS', quantity: 120 }] });
    expect(JSON.stringify(out.body)).not.toContain('LEH-2026-0042');
    expect(out.body).not.toHaveProperty('acceptNominalWarnings');
  });

  it('lets no nominal value out when every field of the source holds one', () => {
    fc.assert(
      fc.property(arb(1.1), ([chosen, values, free]) => {
        const { source, injected } = inject(chosen, values, free);
        expect(leaks(source, injected).leaked).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('lets no nominal value out, whichever few fields hold one', () => {
    let sent = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
        fc.array(anyNominal, { minLength: n, maxLength: n }),
        fc.array(recognisable, { minLength: n, maxLength: n }),
        (picked, values, free) => {
          const { source, injected } = inject(SLOTS.map((_, i) => picked.includes(i)), values, free);
          const r = leaks(source, injected);
          if (r.sent) sent++;
          expect(r.leaked).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
    // Not vacuous: many of those sources still made a payload.
    expect(sent).toBeGreaterThan(100);
  });

  it('still sends, clean, a seizure whose source carries nominal values only outside the allowlist', () => {
    const outside = SLOTS.map((s) => {
      const top = s.path.split('.')[0];
      // The id is the external reference the hub files it under: without one nothing is sent.
      if (top === 'id') return false;
      return !['seizedAt', 'country', 'placeLocode', 'placeIata', 'placeText', 'lat', 'lng', 'locationType', 'direction', 'detectionMethods', 'concealmentMethods', 'concealmentDetail', 'transportMode', 'conveyanceType', 'narrative', 'commodities', 'route', 'offenders'].includes(top) || EXTRA_KEYS.some((k) => s.path.endsWith(`.${k}`));
    });
    fc.assert(
      fc.property(fc.array(anyNominal, { minLength: n, maxLength: n }), (values) => {
        const { source, injected } = inject(outside, values, values);
        const r = leaks(source, injected);
        expect(r.sent).toBe(true);
        expect(r.leaked).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
