import { createHmac } from 'node:crypto';
import { nameKeys, normaliseName, type NameKind } from '../names/index.ts';
import { ENTITY_KINDS, type EntityKind } from '../entity-view.ts';

export { ENTITY_KINDS };

/**
 * Keyed blind indexes: what the database stores to find an entity without holding its values in clear.
 * Each value is normalised, then keyed with an HMAC (SHA-256, cut to 16 bytes) under the node's index key;
 * the key kind is part of the message, so equal values of two kinds never share an index entry. Without the
 * index key (sealed by the master key) the stored bytes say nothing; docs/architecture.md says what they leak.
 */
export type KeyKind =
  | 'identifier' | 'document' | 'vin' | 'imo' | 'container' | 'plate' | 'registration' | 'phone' | 'email'
  | 'name_token' | 'name_phonetic' | 'name_full' | 'birth_date' | 'birth_year';

export const IDENTIFIER_KEY_KINDS: KeyKind[] = ['identifier', 'document', 'vin', 'imo', 'container', 'plate', 'registration'];

export interface ClearKey {
  kind: KeyKind;
  clear: string;
}

/** Upper case, letters and digits only: "AB-123 CD" and "ab123cd" are one plate. */
export const identifierKey = (v: string) => v.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
/** The last nine digits: the same phone with or without its country prefix or trunk zero. */
export const phoneKey = (v: string) => v.replace(/\D/g, '').slice(-9);
export const emailKey = (v: string) => v.trim().toLowerCase();

export const nameKindOf = (kind: EntityKind): NameKind => (kind === 'company' ? 'company' : kind === 'transport' ? 'vessel' : 'person');

/**
 * The name keys of one name of an entity of `entity` kind: tokens, phonetic skeletons and the whole normalised
 * name, each under the entity kind (a person's "atlas" and a company's "Atlas" are apart), so that a search
 * of one kind reads the keys of that kind only.
 */
export function nameClearKeys(entity: EntityKind, name: string): ClearKey[] {
  const kind = entity === 'document' ? 'person' : nameKindOf(entity);
  const out: ClearKey[] = nameKeys(kind, name).map((k) => ({ kind: k.startsWith('t:') ? ('name_token' as const) : ('name_phonetic' as const), clear: `${entity}:${k.slice(2)}` }));
  const full = normaliseName(kind, name).tokens.slice().sort().join(' ');
  if (full) out.push({ kind: 'name_full', clear: `${entity}:${full}` });
  return out;
}

type Fields = Record<string, unknown>;
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);

/** Every clear key of an entity's fields, without duplicates. */
export function clearKeysOf(kind: EntityKind, f: Fields): ClearKey[] {
  const keys: ClearKey[] = [];
  const add = (k: KeyKind, clear: string) => clear && keys.push({ kind: k, clear });
  const names = kind === 'document' ? strings([f.holderName]) : kind === 'transport' ? strings([f.name]) : strings(f.names);
  for (const n of names) keys.push(...nameClearKeys(kind, n));
  for (const p of strings(f.phones)) add('phone', phoneKey(p));
  for (const e of strings(f.emails)) add('email', emailKey(e));
  if (typeof f.birthDate === 'string') {
    add('birth_date', f.birthDate);
    add('birth_year', f.birthDate.slice(0, 4));
  } else if (typeof f.birthYear === 'number') add('birth_year', String(f.birthYear));
  for (const d of Array.isArray(f.documents) ? (f.documents as { number?: unknown }[]) : []) if (typeof d?.number === 'string') add('document', identifierKey(d.number));
  if (kind === 'document' && typeof f.number === 'string') add('document', identifierKey(f.number));
  for (const field of ['registrationNumber', 'vatNumber'] as const) if (typeof f[field] === 'string') add('identifier', identifierKey(f[field]));
  const transport: [string, KeyKind][] = [['plate', 'plate'], ['vin', 'vin'], ['imo', 'imo'], ['containerNumber', 'container'], ['registration', 'registration']];
  for (const [field, k] of transport) if (typeof f[field] === 'string') add(k, identifierKey(f[field]));
  const seen = new Set<string>();
  return keys.filter((k) => !seen.has(`${k.kind}:${k.clear}`) && !!seen.add(`${k.kind}:${k.clear}`));
}

export interface BlindIndex {
  /** The stored bytes of one clear key. */
  key(kind: KeyKind, clear: string): Buffer;
}

export function createBlindIndex(secret: Buffer): BlindIndex {
  if (secret.length < 32) throw new Error('The blind-index key must be at least 32 bytes.');
  return {
    key: (kind, clear) => createHmac('sha256', secret).update(`${kind}\u0000${clear}`).digest().subarray(0, 16),
  };
}
