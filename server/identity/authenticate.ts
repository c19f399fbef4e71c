import type { FastifyRequest } from 'fastify';
import type { Database } from '../platform/db/database.ts';
import type { Authenticator, Principal, Role } from '../platform/http/access.ts';
import { findSession, SESSION_COOKIE } from './sessions.ts';
import { findApiToken } from './api-tokens.ts';

/** Resolves the caller from `Authorization: Bearer <token>` or the session cookie. */
export function createAuthenticator(database: Database): Authenticator {
  return async (request: FastifyRequest): Promise<Principal | null> => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const found = await findApiToken(database, header.slice(7).trim());
      if (!found) return null;
      return { userId: found.user.id, orgId: found.user.orgId, roles: found.user.roles as Role[], via: 'token', secondFactorPending: false };
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (!cookie) return null;
    const found = await findSession(database, cookie);
    if (!found) return null;
    return {
      userId: found.user.id,
      orgId: found.user.orgId,
      roles: found.user.roles as Role[],
      via: 'session',
      sessionId: found.session.id,
      csrfToken: found.session.csrfToken,
      secondFactorPending: found.session.secondFactorPending,
    };
  };
}
