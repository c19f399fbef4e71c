import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The key that wraps every file's data key. `id` tells keys apart without revealing them. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

export const MASTER_KEY_BYTES = 32;

export function masterKeyFromBytes(key: Buffer): MasterKey {
  if (key.length !== MASTER_KEY_BYTES) throw new Error(`A master key must be ${MASTER_KEY_BYTES} bytes, got ${key.length}.`);
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key: Buffer.from(key) };
}

export function generateMasterKey(): MasterKey {
  return masterKeyFromBytes(randomBytes(MASTER_KEY_BYTES));
}

/** Reads a key file: base64 text (what we write, easy to back up) or the 32 raw bytes. */
export function readMasterKey(path: string): MasterKey {
  const content = readFileSync(path);
  if (content.length === MASTER_KEY_BYTES) return masterKeyFromBytes(content);
  const text = content.toString('utf8').trim();
  const decoded = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || decoded.length !== MASTER_KEY_BYTES)
    throw new Error(`The master key file ${path} must hold ${MASTER_KEY_BYTES} bytes, base64-encoded.`);
  return masterKeyFromBytes(decoded);
}

/**
 * Writes a key file readable by its owner only. It fails with EEXIST if the file
 * exists, so a key is never overwritten; the key is written to a temporary file and
 * hard-linked into place, so no reader ever sees a half-written key.
 */
export function writeMasterKey(path: string, key: MasterKey): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, `${key.key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    // The umask may have narrowed the mode or the platform ignored it; state it once more.
    chmodSync(tmp, 0o600);
    linkSync(tmp, path);
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Loads the master key, creating a random one on first start. When several nodes
 * start at once on a shared folder, exclusive creation lets exactly one of them
 * write it and the others read the winner's key.
 */
export function loadOrCreateMasterKey(path: string): MasterKey {
  try {
    return readMasterKey(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = generateMasterKey();
  try {
    writeMasterKey(path, key);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readMasterKey(path);
    throw err;
  }
}
