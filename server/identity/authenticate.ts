import type { FastifyRequest } from 'fastify';
import type { Database } from '../platform/db/database.ts';
import type { Authenticator, Principal, Role } from '../platform/http/access.ts';
import { findSession, SESSION_COOKIE, SESSION_ABSOLUTE_MS, sha256 } from './sessions.ts';
import { findApiToken } from './api-tokens.ts';
import { cachedPrincipal } from './auth-cache.ts';

/** Resolves the caller from `Authorization: Bearer <token>` or the session cookie. */
export function createAuthenticator(database: Database): Authenticator {
  return async (request: FastifyRequest): Promise<Principal | null> => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const token = header.slice(7).trim();
      return cachedPrincipal(database, `t:${sha256(token)}`, async () => {
        const found = await findApiToken(database, token);
        if (!found) return null;
        const principal: Principal = { userId: found.user.id, orgId: found.user.orgId, roles: found.user.roles as Role[], via: 'token', secondFactorPending: false };
        return { principal, until: found.expiresAt ?? new Date(Date.now() + SESSION_ABSOLUTE_MS) };
      });
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (!cookie) return null;
    return cachedPrincipal(database, `s:${sha256(cookie)}`, async () => {
      const found = await findSession(database, cookie);
      if (!found) return null;
      const principal: Principal = {
        userId: found.user.id,
        orgId: found.user.orgId,
        roles: found.user.roles as Role[],
        via: 'session',
        sessionId: found.session.id,
        csrfToken: found.session.csrfToken,
        secondFactorPending: found.session.secondFactorPending,
        mustChangePassword: found.user.mustChangePassword,
      };
      return { principal, until: found.session.expiresAt };
    });
  };
}
