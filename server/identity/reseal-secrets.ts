import { eq, isNotNull, or } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import type { Sealer } from '../platform/crypto/sealer.ts';
import { users } from './tables.ts';

/** Re-seals every TOTP secret under `next` (key rotation); already re-sealed ones are skipped, so it can be re-run. */
export async function resealSecrets(database: Database, previous: Sealer, next: Sealer): Promise<number> {
  return database.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: users.id, secret: users.totpSecret, pending: users.totpPendingSecret })
      .from(users)
      .where(or(isNotNull(users.totpSecret), isNotNull(users.totpPendingSecret)))
      .for('update');
    const prefix = `v1.${next.keyId}.`;
    const move = (v: string | null) => (v && !v.startsWith(prefix) ? next.seal(previous.open(v)) : v);
    let count = 0;
    for (const r of rows) {
      const secret = move(r.secret);
      const pending = move(r.pending);
      if (secret === r.secret && pending === r.pending) continue;
      await tx.update(users).set({ totpSecret: secret, totpPendingSecret: pending }).where(eq(users.id, r.id));
      count++;
    }
    return count;
  });
}
