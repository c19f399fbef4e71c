import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, restoreNeutralised } from './csv-cell.ts';

describe('CSV cells against formula injection', () => {
  it('writes a cell starting like a formula as text, and reads it back as it was', () => {
    for (const v of ['=1+1', '+33 6 12', '-x', '@SUM(A1)', '\t=1+1', '\r=1']) {
      expect(neutraliseFormula(v)).toBe(`'${v}`);
      expect(restoreNeutralised(neutraliseFormula(v))).toBe(v);
    }
    for (const v of ['-3.5', '+12', '42', 'cocaine', "'quoted"]) expect(neutraliseFormula(v)).toBe(v);
    expect(restoreNeutralised("'quoted")).toBe("'quoted");
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});
