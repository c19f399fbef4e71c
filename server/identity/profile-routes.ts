import type { App, EventBus } from '../platform/context.ts';
import { requirePrincipal } from '../platform/http/access.ts';
import { profileOutput, profileSchema } from './schemas.ts';
import { getProfile, updateProfile } from './profile.ts';
import type { DirectoryDeps } from './directory.ts';
import { meta } from './auth-routes.ts';

export function registerProfileRoutes(app: App, deps: DirectoryDeps, events: EventBus) {
  const tags = ['profile'];
  app.get(
    '/api/v1/profile',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'One’s own profile (CENcomm fields)', response: { 200: profileOutput } } },
    async (request) => getProfile(deps, requirePrincipal(request).userId),
  );
  app.put(
    '/api/v1/profile',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Update one’s own profile', body: profileSchema, response: { 200: profileOutput } } },
    async (request) => {
      const p = requirePrincipal(request);
      const saved = await updateProfile(deps, p, request.body, meta(request));
      // The user's other tabs and devices, on whichever node, refresh their language and name.
      await events.publish('profile.updated', { userId: p.userId, language: saved.language }, { userIds: [p.userId] });
      return saved;
    },
  );
}
