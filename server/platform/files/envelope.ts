import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { MasterKey } from './master-key.ts';

/**
 * Envelope encryption: each object gets a fresh AES-256-GCM data key, and that
 * key is itself encrypted (wrapped) by the master key. Rotating the master key
 * then rewrites 60 bytes per object instead of the objects themselves.
 * `aad` binds a ciphertext to its object id, so rows cannot be swapped unnoticed.
 */
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealed {
  dataKey: Buffer;
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

export function seal(plaintext: Buffer, aad: string): Sealed {
  const dataKey = randomBytes(32);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, dataKey, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { dataKey, iv, tag: cipher.getAuthTag(), data };
}

/** Throws if the key, iv, tag, aad or data were altered. */
export function unseal(parts: { dataKey: Buffer; iv: Buffer; tag: Buffer; data: Buffer }, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, parts.dataKey, parts.iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(parts.tag);
  return Buffer.concat([decipher.update(parts.data), decipher.final()]);
}

/** Returns iv || tag || encrypted data key. */
export function wrapKey(master: MasterKey, dataKey: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, master.key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const enc = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), enc]);
}

export function unwrapKey(master: MasterKey, wrapped: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, master.key, wrapped.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** The database drivers return bytea as Buffer (pg) or Uint8Array (PGlite). */
export function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new Error('Expected binary data from the database.');
}
