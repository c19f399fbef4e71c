import { existsSync, renameSync } from 'node:fs';
import type { Database } from '../platform/db/database.ts';
import { generateMasterKey, loadOrCreateMasterKey, readMasterKey, writeMasterKey } from '../platform/files/master-key.ts';
import { rotateMasterKey } from '../platform/files/key-rotation.ts';
import { createSealer } from '../platform/crypto/sealer.ts';
import { resealSecrets } from '../identity/index.ts';
import { resealNationalKeys } from '../national/index.ts';

/**
 * Moves everything the master key protects to a new key: file data keys, sealed
 * secrets and the nCEN's entity keys. The new key is written beside the old one first (`<path>.next`) and only
 * replaces it once everything moved, so an interrupted rotation is finished by
 * running the command again. The old key is kept as `<path>.<id>.retired` for backups
 * made before the rotation.
 */
export async function rotateMasterKeyFile(database: Database, path: string) {
  const oldKey = loadOrCreateMasterKey(path);
  const nextPath = `${path}.next`;
  if (!existsSync(nextPath)) writeMasterKey(nextPath, generateMasterKey());
  const newKey = readMasterKey(nextPath);
  const files = await rotateMasterKey(database, oldKey, newKey);
  const [previous, next] = [createSealer(oldKey.key, oldKey.id), createSealer(newKey.key, newKey.id)];
  const secrets = (await resealSecrets(database, previous, next)) + (await resealNationalKeys(database, previous, next));
  const oldKeyBackup = `${path}.${oldKey.id}.retired`;
  renameSync(path, oldKeyBackup);
  renameSync(nextPath, path);
  return { oldKeyId: oldKey.id, newKeyId: newKey.id, files, secrets, oldKeyBackup };
}
