import { describe, expect, it } from 'vitest';
import { parseBatchInput, splitCsvLine } from './batch-input.ts';

describe('batch input', () => {
  it('reads one identifier per line, skipping blank lines and keeping line numbers', () => {
    const r = parseBatchInput('L898902C3\n\n  1G4AH59H45G118341 \nCSQU3054383\n');
    expect(r).toEqual({
      ok: true,
      format: 'lines',
      items: [
        { identifier: 'L898902C3', line: 1 },
        { identifier: '1G4AH59H45G118341', line: 3 },
        { identifier: 'CSQU3054383', line: 4 },
      ],
    });
  });

  it('reads a CSV with an identifier column, ref and list, in any delimiter', () => {
    const r = parseBatchInput('ref;identifier;list\nseat 12A;"L898902C3";travel_documents\nline 2;CSQU3054383;');
    expect(r.ok && r.format).toBe('csv');
    expect(r.ok && r.items).toEqual([
      { identifier: 'L898902C3', ref: 'seat 12A', list: 'travel_documents', line: 2 },
      { identifier: 'CSQU3054383', ref: 'line 2', line: 3 },
    ]);
  });

  it('reads JSON as a list of identifiers, of objects, or the API body', () => {
    expect(parseBatchInput('["A1234567", "B7654321"]')).toMatchObject({ ok: true, format: 'json', items: [{ identifier: 'A1234567' }, { identifier: 'B7654321' }] });
    expect(parseBatchInput('{"items":[{"identifier":"X99","ref":"r1","list":"vehicles"}]}')).toMatchObject({ ok: true, items: [{ identifier: 'X99', ref: 'r1', list: 'vehicles' }] });
  });

  it('refuses what it cannot read, saying where', () => {
    expect(parseBatchInput('   ')).toEqual({ ok: false, error: 'screening.batch.errors.empty' });
    expect(parseBatchInput('[1, 2')).toEqual({ ok: false, error: 'screening.batch.errors.badJson' });
    expect(parseBatchInput('[{"ref":"x"}]')).toEqual({ ok: false, error: 'screening.batch.errors.noIdentifier', params: { line: 1 } });
    expect(parseBatchInput('identifier,list\nA123,boats')).toEqual({ ok: false, error: 'screening.batch.errors.unknownList', params: { line: 2, list: 'boats' } });
    expect(parseBatchInput(Array.from({ length: 10_001 }, (_, i) => `ID${i}`).join('\n'))).toMatchObject({ ok: false, error: 'screening.batch.errors.tooMany' });
  });

  it('splits quoted CSV cells', () => {
    expect(splitCsvLine('"a,b","say ""hi""",c', ',')).toEqual(['a,b', 'say "hi"', 'c']);
  });
});
