import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized, Problem } from './problem.ts';

export const ROLES = ['admin', 'ncp', 'rilo_analyst', 'i2c_officer', 'partner', 'viewer', 'nominal_read', 'nominal_write'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a route. Every route under /api declares one; a route without it
 * makes start-up fail (deny by default).
 * - 'public': anyone, e.g. login and health.
 * - 'second-factor': a signed-in user who has still to pass or enrol TOTP.
 * - 'authenticated': any fully signed-in user or API token.
 * - 'person': a fully signed-in person (a session): one's own profile, password, live events. An API token gets 403.
 * - Role[]: a fully signed-in user holding one of these roles.
 */
export type Access = 'public' | 'second-factor' | 'authenticated' | 'person' | readonly Role[];

export interface Principal {
  userId: string;
  orgId: string;
  roles: Role[];
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  /** True until the session has passed (or, for those who must, enrolled) the second factor. */
  secondFactorPending: boolean;
  /** After an administrator's reset: only the password change is open until it is done. */
  mustChangePassword?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route stays open to a user who must change a temporary password (the change itself). */
    openDuringPasswordChange?: boolean;
    /** A 'second-factor' route that an API token may call too (who am I). */
    openToTokens?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
  /** Whether an API token may call it (false for a person's own routes). */
  tokens: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The readable API page (a plugin's routes, static files only) is the one public prefix not declared route by route. */
export const DOCS_PREFIX = '/api/docs';

/** The single place where authorization is decided for every API route. */
export function installAccessControl(app: FastifyInstance, authenticate: () => Authenticator | undefined): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.url.startsWith(DOCS_PREFIX) && !route.config?.access) route.config = { ...route.config, access: 'public' };
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access; every API route must.`);
    const tokens = !(access === 'person' || (access === 'second-factor' && !route.config?.openToTokens));
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access, tokens });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!request.url.startsWith('/api/')) return;
    if (!access) {
      // Unknown /api path: let the 404 handler answer, but never without a declaration.
      if (request.routeOptions.url === undefined) return;
      throw forbidden();
    }
    const auth = authenticate();
    request.principal = auth ? await auth(request) : null;
    if (access === 'public') return;
    const p = request.principal;
    if (!p) throw unauthorized();
    if (p.via === 'session' && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (!p.csrfToken || sent !== p.csrfToken) throw new Problem(403, 'Forbidden', 'Missing or wrong CSRF token (send the X-CSRF-Token header).');
    }
    // A system account's token has no profile, password or second factor of its own, and no live stream.
    if (p.via === 'token' && (access === 'person' || (access === 'second-factor' && !request.routeOptions.config?.openToTokens)))
      throw forbidden('This is for a person signed in, not for an API token.');
    if (access === 'second-factor') return;
    if (p.secondFactorPending) throw new Problem(401, 'Unauthorized', 'The second factor (TOTP) is required before this call.', undefined, 'urn:opencen:problem:second-factor-required');
    if (p.mustChangePassword && !request.routeOptions.config?.openDuringPasswordChange)
      throw new Problem(403, 'Forbidden', 'Change your temporary password first.', undefined, 'urn:opencen:problem:password-change-required');
    if (access === 'authenticated' || access === 'person') return;
    if (!access.some((r) => p.roles.includes(r))) throw forbidden(`This requires one of the roles: ${access.join(', ')}.`);
  });

  return routes;
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

export function hasRole(p: Principal | null, ...roles: Role[]): boolean {
  return !!p && roles.some((r) => p.roles.includes(r));
}
