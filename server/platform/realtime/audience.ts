import type { Audience } from '../context.ts';
import type { Principal } from '../http/access.ts';

/** True when the signed-in principal is among the event's recipients. */
export function inAudience(audience: Audience, p: Pick<Principal, 'userId' | 'orgId' | 'roles'>): boolean {
  if (audience.everyone) return true;
  if (audience.userIds?.includes(p.userId)) return true;
  if (audience.orgIds?.includes(p.orgId)) return true;
  return !!audience.roles?.some((r) => (p.roles as string[]).includes(r));
}
