import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nonNominalProjection } from './allowlist.ts';
import { cocaineSeizure } from './test-helpers.ts';

/** Values that identify a person or a company, as a source may carry them in its own fields. */
const nominal = fc.oneof(
  fc.tuple(fc.constantFrom('Maria', 'Jean', 'Ahmed', 'Olga', 'Chen'), fc.constantFrom('Okafor', 'Dupont', 'Silva', 'Ivanova', 'Wei'), fc.nat(9999)).map(([a, b, n]) => `${a} ${b} ${n}`),
  fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.nat(999)).map(([u, n]) => `${u}${n}@mail-${n}.example`),
  fc.tuple(fc.constantFrom('P', 'AB', 'X'), fc.integer({ min: 1_000_000, max: 99_999_999 })).map(([p, n]) => `${p}${n}`),
  fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => `+33 ${n}`),
  fc.tuple(fc.constantFrom('Rue', 'Calle', 'Street'), fc.nat(500)).map(([s, n]) => `${n} ${s} of Nowhere ${n * 7}`),
);
const nominalKeys = ['courierName', 'passportNumber', 'address', 'phone', 'email', 'company', 'parties', 'originator', 'telephone', 'dateOfBirth', 'plate'];

describe('the non-nominal allowlist', () => {
  it('lets no value of a field outside the allowlist leave, wherever the source puts it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...nominalKeys), nominal), { minLength: 1, maxLength: 8 }), fc.array(nominal, { minLength: 3, maxLength: 3 }), (extra, nested) => {
        const base = cocaineSeizure() as Record<string, unknown> & { commodities: object[]; route: object[]; offenders: object[] };
        const source: Record<string, unknown> = {
          ...base,
          ...Object.fromEntries(extra),
          // Nominal values hidden inside the nested lines, legs and offender counts too.
          commodities: base.commodities.map((c) => ({ ...c, consignee: nested[0] })),
          route: base.route.map((l) => ({ ...l, driver: nested[1] })),
          offenders: base.offenders.map((o) => ({ ...o, name: nested[2] })),
        };
        const out = JSON.stringify(nonNominalProjection(source).input);
        for (const [, value] of extra) expect(out).not.toContain(value);
        for (const value of nested) expect(out).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every allowed field and names what leaves and what was dropped', () => {
    const p = nonNominalProjection({ ...cocaineSeizure(), courierName: 'Jean Dupont' });
    expect(p.input).toMatchObject({ country: 'FR', locationType: 'seaport', commodities: [{ category: 'DRUGS', quantity: 120, unit: 'kg' }] });
    expect(p.leaving).toEqual(expect.arrayContaining(['seizedAt', 'country', 'commodities.0.quantity', 'route.2.country', 'offenders.0.ageBand']));
    expect(p.dropped).toEqual(['courierName']);
  });

  it('flags nominal-looking text inside allowed free text', () => {
    const p = nonNominalProjection({ ...cocaineSeizure(), narrative: 'Courier reachable on +33 6 12 34 56 78' });
    expect(p.warnings.map((w) => [w.field, w.kind])).toEqual([['narrative', 'phone']]);
  });
});
