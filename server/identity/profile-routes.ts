import type { App, EventBus } from '../platform/context.ts';
import { requirePrincipal } from '../platform/http/access.ts';
import { LANGUAGES, profileOutput, profileSchema } from './schemas.ts';
import { getProfile, updateLanguage, updateProfile } from './profile.ts';
import { z } from 'zod';
import type { DirectoryDeps } from './directory.ts';
import { meta } from './auth-routes.ts';

export function registerProfileRoutes(app: App, deps: DirectoryDeps, events: EventBus) {
  const tags = ['profile'];
  app.get(
    '/api/v1/profile',
    { config: { access: 'person' }, schema: { tags, summary: 'One’s own profile (CENcomm fields)', response: { 200: profileOutput } } },
    async (request) => getProfile(deps, requirePrincipal(request).userId),
  );
  app.put(
    '/api/v1/profile',
    { config: { access: 'person' }, schema: { tags, summary: 'Update one’s own profile', body: profileSchema, response: { 200: profileOutput } } },
    async (request) => {
      const p = requirePrincipal(request);
      const saved = await updateProfile(deps, p, request.body, meta(request));
      // The user's other tabs and devices, on whichever node, refresh their language and name.
      await events.publish('profile.updated', { userId: p.userId, language: saved.language }, { userIds: [p.userId] });
      return saved;
    },
  );
  app.put(
    '/api/v1/profile/language',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Set one’s UI language only', body: z.object({ language: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }) }) },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      await updateLanguage(deps, p, request.body.language, meta(request));
      await events.publish('profile.updated', { userId: p.userId, language: request.body.language }, { userIds: [p.userId] });
      return reply.status(204).send();
    },
  );
}
