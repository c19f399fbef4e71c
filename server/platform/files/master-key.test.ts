import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { generateMasterKey, loadOrCreateMasterKey, readMasterKey } from './master-key.ts';

const dirs: string[] = [];
function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'opencen-key-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('master key file', () => {
  it('is created on first start with its folders, mode 0600, and read back unchanged', () => {
    const path = join(tempDir(), 'data', 'keys', 'master.key');
    const first = loadOrCreateMasterKey(path);
    expect(first.key).toHaveLength(32);
    expect(first.id).toMatch(/^[0-9a-f]{8}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64').equals(first.key)).toBe(true);
    const again = loadOrCreateMasterKey(path);
    expect(again.key.equals(first.key)).toBe(true);
    expect(again.id).toBe(first.id);
    // No temporary file is left behind.
    expect(readdirSync(join(path, '..'))).toEqual(['master.key']);
  });

  it('gives different keys different ids', () => {
    expect(generateMasterKey().id).not.toBe(generateMasterKey().id);
  });

  it('accepts a file of 32 raw bytes', () => {
    const path = join(tempDir(), 'raw.key');
    const raw = randomBytes(32);
    writeFileSync(path, raw);
    expect(readMasterKey(path).key.equals(raw)).toBe(true);
  });

  it('refuses a file that is not a 32-byte key rather than replacing it', () => {
    const path = join(tempDir(), 'bad.key');
    writeFileSync(path, 'not a key at all\n');
    expect(() => loadOrCreateMasterKey(path)).toThrow(/32 bytes/);
    expect(readFileSync(path, 'utf8')).toBe('not a key at all\n');
  });
});
