import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { checkZip, ZipRefused } from '../platform/files/zip-guard.ts';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upload, XLSX_MIME } from './import-test-helpers.ts';
import { signIn } from './test-helpers.ts';

/** A workbook whose only sheet holds one inline string of `bytes` letters: a few kilobytes once zipped. */
async function bomb(bytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>');
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'A'.repeat(bytes)}</t></is></c></row></sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('ZIP bombs in uploads', () => {
  it('refuses a workbook that unpacks far beyond its size before any reader inflates it', async () => {
    const file = await bomb(30 * 1024 * 1024);
    expect(file.length).toBeLessThan(200_000);
    const { client } = await signIn(t, ['ncp']);
    const res = await upload(client, 'bomb.xlsx', file, XLSX_MIME);
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/^The spreadsheet cannot be read: a part of the workbook unpacks \d+ times its size/);
  });

  it('says in plain words that a damaged workbook cannot be read', async () => {
    const { client } = await signIn(t, ['ncp']);
    const res = await upload(client, 'broken.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4000, 7)]), XLSX_MIME);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('The spreadsheet cannot be read: the file is damaged or is not an XLSX workbook. Save it again from a spreadsheet program, or as CSV.');
  });

  it('caps each entry and the total, whatever the ratio', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-guard-'));
    try {
      const path = join(dir, 'big.xlsx');
      writeFileSync(path, await bomb(3 * 1024 * 1024));
      await expect(checkZip(path, { entryBytes: 1024 * 1024, totalBytes: 1 << 30, ratio: 1e9, entries: 10 })).rejects.toThrow(ZipRefused);
      await expect(checkZip(path, { entryBytes: 1 << 30, totalBytes: 1024 * 1024, ratio: 1e9, entries: 10 })).rejects.toThrow(/unpacks to more than/);
      await expect(checkZip(path, { entryBytes: 1 << 30, totalBytes: 1 << 30, ratio: 1e9, entries: 10 })).resolves.toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
