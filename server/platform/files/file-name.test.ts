import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from './file-name.ts';

describe('sanitizeFileName', () => {
  it('keeps an ordinary name', () => {
    expect(sanitizeFileName('seizure photo 1.jpg')).toBe('seizure photo 1.jpg');
    expect(sanitizeFileName('Beschlagnahme-Übersicht.pdf')).toBe('Beschlagnahme-Übersicht.pdf');
  });

  it('drops folder parts of either kind of slash', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\ncp\\report.docx')).toBe('report.docx');
    expect(sanitizeFileName('evidence/photos/')).toBe('file');
  });

  it('never yields a dot name or an empty name', () => {
    expect(sanitizeFileName('..')).toBe('file');
    expect(sanitizeFileName('.bashrc')).toBe('bashrc');
    expect(sanitizeFileName('   ')).toBe('file');
    expect(sanitizeFileName('')).toBe('file');
  });

  it('removes control and bidi-formatting characters', () => {
    expect(sanitizeFileName('a\u0000b\nc\td.txt')).toBe('abcd.txt');
    // U+202E would display "invoice_fdp.exe" as "invoice_exe.pdf".
    expect(sanitizeFileName('invoice_\u202Efdp.exe')).toBe('invoice_fdp.exe');
  });

  it('cuts long names to 200 characters and keeps the extension', () => {
    const out = sanitizeFileName(`${'x'.repeat(300)}.pdf`);
    expect(Array.from(out)).toHaveLength(200);
    expect(out.endsWith('.pdf')).toBe(true);
    const noExt = sanitizeFileName('y'.repeat(250));
    expect(noExt).toBe('y'.repeat(200));
  });

  it('does not split a character made of two UTF-16 units', () => {
    const out = sanitizeFileName(`${'🚢'.repeat(250)}`);
    expect(Array.from(out)).toHaveLength(200);
    expect(out).toBe('🚢'.repeat(200));
  });
});
