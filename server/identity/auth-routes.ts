import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, EventBus } from '../platform/context.ts';
import type { Config } from '../platform/config.ts';
import { requirePrincipal } from '../platform/http/access.ts';
import { tooMany } from '../platform/http/problem.ts';
import { changePassword, confirmTotpEnrolment, login, logout, startTotpEnrolment, verifySecondFactor, type AuthDeps } from './auth-service.ts';
import { loadMe, secondFactorStep } from './me.ts';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from './sessions.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { meSchema } from './schemas.ts';

const sessionAnswer = z.object({
  user: meSchema,
  csrfToken: z.string(),
  secondFactor: z.enum(['none', 'verify', 'enrol']),
  node: z.enum(['hub', 'national']).describe('The role of this deployment: the pages of a national node (nCEN) exist only there'),
});
const codeBody = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'must be 6 digits') });

export const meta = (r: FastifyRequest) => ({ ip: r.ip, userAgent: r.headers['user-agent'], requestId: r.id });

export function registerAuthRoutes(app: App, deps: AuthDeps, config: Config, events: EventBus) {
  const throttle = createLoginThrottle(config.signInsPerAddress);
  const tags = ['auth'];

  function setCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure: config.cookieSecure,
      sameSite: 'strict',
      path: '/',
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });
  }

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with username and password; sets the session cookie',
        body: z.object({ username: z.string().trim().min(1, 'is required').max(100), password: z.string().min(1, 'is required').max(256) }),
        response: { 200: sessionAnswer },
      },
    },
    async (request, reply) => {
      const wait = throttle.attempt(request.ip);
      if (wait) throw tooMany(`Too many sign-in attempts from this address; try again in ${Math.ceil(wait / 1000)} s.`);
      const { username, password } = request.body;
      const result = await login(deps, username, password, meta(request));
      setCookie(reply, result.session.token);
      return { user: await loadMe(deps.database, result.userId), csrfToken: result.session.csrfToken, secondFactor: result.secondFactor, node: config.role };
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: 'second-factor', openToTokens: true }, schema: { tags, summary: 'The signed-in user, the CSRF token and any pending second-factor step', response: { 200: sessionAnswer } } },
    async (request) => {
      const p = requirePrincipal(request);
      const user = await loadMe(deps.database, p.userId);
      const required = p.secondFactorPending ? ((await deps.secondFactorRequired?.(p.userId)) ?? false) : false;
      return { user, csrfToken: p.csrfToken ?? '', secondFactor: p.secondFactorPending ? secondFactorStep(user, required) : 'none', node: config.role };
    },
  );

  app.post(
    '/api/v1/auth/totp/enrol',
    {
      config: { access: 'second-factor' },
      schema: { tags, summary: 'Start TOTP enrolment: a new secret and its QR code', response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }) } },
    },
    async (request) => startTotpEnrolment(deps, requirePrincipal(request)),
  );

  app.post(
    '/api/v1/auth/totp/confirm',
    { config: { access: 'second-factor' }, schema: { tags, summary: 'Confirm TOTP enrolment with a first code', body: codeBody, response: { 200: sessionAnswer } } },
    async (request) => {
      const p = requirePrincipal(request);
      await confirmTotpEnrolment(deps, p, request.body.code, meta(request));
      return { user: await loadMe(deps.database, p.userId), csrfToken: p.csrfToken ?? '', secondFactor: 'none' as const, node: config.role };
    },
  );

  app.post(
    '/api/v1/auth/totp/verify',
    { config: { access: 'second-factor' }, schema: { tags, summary: 'Pass the second factor with a TOTP code', body: codeBody, response: { 200: sessionAnswer } } },
    async (request) => {
      const p = requirePrincipal(request);
      await verifySecondFactor(deps, p, request.body.code, meta(request));
      return { user: await loadMe(deps.database, p.userId), csrfToken: p.csrfToken ?? '', secondFactor: 'none' as const, node: config.role };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'second-factor' }, schema: { tags, summary: 'Sign out' } },
    async (request, reply) => {
      const p = requirePrincipal(request);
      await logout(deps, p, meta(request));
      if (p.sessionId) await events.endStreams({ sessionId: p.sessionId });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'person', openDuringPasswordChange: true },
      schema: { tags, summary: 'Change one’s own password', body: z.object({ currentPassword: z.string().min(1, 'is required').max(256), newPassword: z.string().max(256) }) },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      await changePassword(deps, p, request.body.currentPassword, request.body.newPassword, meta(request));
      // Streams opened by the other (now ended) sessions stop; this tab's stream reconnects by itself.
      await events.endStreams({ userId: p.userId });
      return reply.status(204).send();
    },
  );
}
