import { describe, expect, it } from 'vitest';
import { evaluateByKind, loadPairs } from './evaluate.ts';

describe('name matching quality on the labelled set', () => {
  const pairs = loadPairs();
  const quality = evaluateByKind(pairs);

  it('has at least 600 pairs of every kind, true and false', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(600);
    for (const kind of ['person', 'company', 'organization', 'vessel'] as const) {
      expect(pairs.some((p) => p.kind === kind && p.label)).toBe(true);
      expect(pairs.some((p) => p.kind === kind && !p.label)).toBe(true);
    }
  });

  it('reaches F1 0.85 overall, and on persons and companies', () => {
    expect(quality.all.f1).toBeGreaterThanOrEqual(0.85);
    expect(quality.person.f1).toBeGreaterThanOrEqual(0.85);
    expect(quality.company.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('gives most true pairs a blind-index key in common', () => {
    expect(quality.all.keyRecall).toBeGreaterThanOrEqual(0.9);
  });
});
