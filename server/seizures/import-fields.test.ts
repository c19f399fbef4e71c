import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDateTime, parseNumber, suggestMapping } from './import-fields.ts';
import { detectDelimiter, headerNames, readRows, sniffFile } from './import-read.ts';

const dir = mkdtempSync(join(tmpdir(), 'opencen-import-fields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cells', () => {
  it('reads the date forms people type and spreadsheets write, in UTC', () => {
    expect(parseDateTime('2025-06-01')).toBe('2025-06-01T00:00:00Z');
    expect(parseDateTime('2025-06-01 14:30')).toBe('2025-06-01T14:30:00Z');
    expect(parseDateTime('2025-06-01T14:30:15+02:00')).toBe('2025-06-01T12:30:15Z');
    expect(parseDateTime('01/03/2025')).toBe('2025-03-01T00:00:00Z');
    expect(parseDateTime('1.3.2025 08:05')).toBe('2025-03-01T08:05:00Z');
    expect(parseDateTime('45658')).toBe('2025-01-01T00:00:00Z'); // Excel serial
    expect(parseDateTime('45658.5')).toBe('2025-01-01T12:00:00Z');
    for (const bad of ['31/02/2025', '2025-13-01', 'yesterday', '12', '2025-06-01 25:00']) expect(parseDateTime(bad)).toBeNull();
  });

  it('reads numbers with either decimal mark and thousands separators', () => {
    expect(parseNumber('1234.5')).toBe(1234.5);
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('12 kg')).toBeNaN();
  });

  it('suggests a mapping from header names in several languages, one column per field', () => {
    expect(suggestMapping(['Fecha', 'País', 'Referencia', 'Cantidad', 'Unidad', 'Categoría', 'Cantidad 2', 'Observaciones', 'Destino'])).toEqual({
      seized_at: 'Fecha',
      country: 'País',
      external_ref: 'Referencia',
      commodity_1_quantity: 'Cantidad',
      commodity_1_unit: 'Unidad',
      commodity_1_category: 'Categoría',
      commodity_2_quantity: 'Cantidad 2',
      narrative: 'Observaciones',
      destination_country: 'Destino',
    });
    // An exact field name wins over a synonym ("reference" is also a name for external_ref).
    expect(suggestMapping(['reference', 'external_ref', 'HS code', 'Quantity'])).toEqual({ external_ref: 'external_ref', commodity_1_hs_code: 'HS code', commodity_1_quantity: 'Quantity' });
    expect(headerNames(['a', '', 'A', 'a'])).toEqual(['a', 'column 2', 'A (2)', 'a (3)']);
  });

  it('finds the delimiter of the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });
});

describe('files', () => {
  it('reads UTF-16 with its byte-order mark, and Windows-1252', async () => {
    const text = 'external_ref\tnarrative\r\nA-1\tSaisie à l’aéroport\r\n';
    const p16 = join(dir, 'u16.csv');
    writeFileSync(p16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const s16 = await sniffFile(p16);
    expect(s16).toMatchObject({ format: 'csv', encoding: 'utf-16le' });
    const rows: string[][] = [];
    for await (const b of readRows({ path: p16, ...s16, delimiter: '\t' })) rows.push(...b.rows);
    expect(rows).toEqual([
      ['external_ref', 'narrative'],
      ['A-1', 'Saisie à l’aéroport'],
    ]);

    const p1252 = join(dir, 'w1252.csv');
    writeFileSync(p1252, Buffer.from([...'n\nà€'].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0)))));
    const s1252 = await sniffFile(p1252);
    expect(s1252.encoding).toBe('windows-1252');
    const rows1252: string[][] = [];
    for await (const b of readRows({ path: p1252, ...s1252, delimiter: ',' })) rows1252.push(...b.rows);
    expect(rows1252).toEqual([['n'], ['à€']]);
  });

  it('numbers rows by the line they start on, across quoted line breaks and blank lines', async () => {
    const p = join(dir, 'lines.csv');
    writeFileSync(p, 'a,b\r\n1,"x\r\ny"\r\n\r\n,\r\n3,4\n5,"multi\nline\ncell"\n6,7');
    const s = await sniffFile(p);
    const lines: number[] = [];
    const first: string[] = [];
    for await (const b of readRows({ path: p, ...s, delimiter: ',' })) {
      lines.push(...b.lines);
      first.push(...b.rows.map((r) => r[0]));
    }
    expect(first).toEqual(['a', '1', '3', '5', '6']);
    expect(lines).toEqual([1, 2, 6, 7, 10]);
  });
});
