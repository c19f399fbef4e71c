import type { Principal } from '../../platform/http/access.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { isI2cStaff } from '../desk-view.ts';
import { canUseHelpdesk } from './helpdesk-view.ts';

/** The two parties of a request: the I2C, and the requesting organisation's officers. */
export type Party = 'i2c' | 'member';

/** Who the actor is to this request; anyone else is refused (the ids are not guessable, so refusing says nothing). */
export function partyOf(actor: Principal, orgId: string): Party {
  if (isI2cStaff(actor.roles)) return 'i2c';
  if (actor.orgId === orgId && canUseHelpdesk(actor.roles)) return 'member';
  throw forbidden('You are not a party to this help-desk request: only its requesting organisation and the I2C may read or answer it.');
}
