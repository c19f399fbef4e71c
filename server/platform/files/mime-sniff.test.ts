import { describe, expect, it } from 'vitest';
import { sniffMime } from './mime-sniff.ts';
import { tinyPdf, tinyPng } from './test-fixtures.ts';

describe('sniffMime', () => {
  it('recognises formats by their signature, whatever the name says', async () => {
    expect(await sniffMime(tinyPng())).toBe('image/png');
    expect(await sniffMime(tinyPdf())).toBe('application/pdf');
  });

  it('calls valid UTF-8 plain text', async () => {
    expect(await sniffMime(Buffer.from('Container MSCU1234565, 40 kg cocaïne\n'))).toBe('text/plain');
    expect(await sniffMime(Buffer.alloc(0))).toBe('text/plain');
  });

  it('calls anything else opaque binary', async () => {
    expect(await sniffMime(Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x13, 0x37]))).toBe('application/octet-stream');
    expect(await sniffMime(Buffer.from('text with a NUL\u0000inside'))).toBe('application/octet-stream');
  });
});
