import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals short secrets (TOTP seeds, nominal fields) with AES-256-GCM under the
 * master key. The output names the key id so a rotation can find what to re-seal.
 * Format: v1.<keyId>.<iv>.<tag>.<ciphertext>, parts base64url.
 */
export interface Sealer {
  keyId: string;
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function createSealer(key: Buffer, keyId: string, previous: { key: Buffer; keyId: string }[] = []): Sealer {
  if (key.length !== 32) throw new Error('The master key must be 32 bytes.');
  const keys = new Map([[keyId, key], ...previous.map((p) => [p.keyId, p.key] as const)]);
  return {
    keyId,
    seal(plaintext) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return ['v1', keyId, iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed) {
      const [v, kid, iv, tag, ct] = sealed.split('.');
      const k = keys.get(kid);
      if (v !== 'v1' || !k) throw new Error(`Cannot open a secret sealed with unknown key ${kid}.`);
      const d = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
    },
  };
}
