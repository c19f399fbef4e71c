import type { Principal } from '../../platform/http/access.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { isI2cStaff } from '../desk-view.ts';
import { canUseHelpdesk, type RequestStatus } from './helpdesk-view.ts';

/** The two parties of a request: the I2C, and the requesting organisation's officers. */
export type Party = 'i2c' | 'member';

/** Who the actor is to this request; anyone else is refused (the ids are not guessable, so refusing says nothing). */
export function partyOf(actor: Principal, orgId: string): Party {
  if (isI2cStaff(actor.roles)) return 'i2c';
  if (actor.orgId === orgId && canUseHelpdesk(actor.roles)) return 'member';
  throw forbidden('You are not a party to this help-desk request: only its requesting organisation and the I2C may read or answer it.');
}

/** The statuses the I2C may move a request to, from each status (the member only closes, or reopens by replying). */
export const I2C_MOVES: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['in_progress', 'waiting_member', 'resolved', 'closed'],
  in_progress: ['waiting_member', 'resolved', 'closed'],
  waiting_member: ['in_progress', 'resolved', 'closed'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};
