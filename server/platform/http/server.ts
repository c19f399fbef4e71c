import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  serializerCompiler,
  validatorCompiler,
  jsonSchemaTransform,
  hasZodFastifySchemaValidationErrors,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { App } from '../context.ts';
import type { Config } from '../config.ts';
import { Problem } from './problem.ts';
import { installAccessControl, DOCS_PREFIX, type Authenticator, type RegisteredRoute } from './access.ts';
import { refuseControlCharacters } from './control-characters.ts';

export interface HttpServer {
  app: App;
  routes: RegisteredRoute[];
  setAuthenticator(a: Authenticator): void;
}

/** Fastify with zod validation, problem+json errors, access control and the OpenAPI document. */
export async function createHttpServer(config: Config, logger?: boolean | object, webRoot?: string): Promise<HttpServer> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: config.uploadLimitBytes + 1024 * 1024,
    // A forged X-Forwarded-For must not pass for the client's address (rate limits, audit): only named proxies are believed.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Cookies are parsed in an onRequest hook, which must run before the access-control hook reads them.
  await app.register(cookie);
  let authenticator: Authenticator | undefined;
  const routes = installAccessControl(app, () => authenticator);
  refuseControlCharacters(app);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    reply.status(problem.status).type('application/problem+json').send(problem.toJSON(request.url));
  });
  // Security headers on every answer: a strict content policy (no inline script), no framing, no sniffing.
  // No upgrade-insecure-requests: a deployment on a LAN host name over plain HTTP must keep working.
  await app.register(helmet, { contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'], 'connect-src': ["'self'"], 'upgrade-insecure-requests': null } } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'OpenCEN API', version: '1', description: 'Customs Enforcement Network. Authenticate with a session cookie (plus X-CSRF-Token on writes) or `Authorization: Bearer <token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'opencen_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, uiConfig: { docExpansion: 'list' }, staticCSP: true });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const spa = webRoot && existsSync(join(webRoot, 'index.html'));
  if (spa) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET for a page answers its index.
    if (spa && request.method === 'GET' && !request.url.startsWith('/api/') && !/\.\w+$/.test(request.url.split('?')[0]))
      return reply.type('text/html').sendFile('index.html');
    const p = new Problem(404, 'Not Found', `No route ${request.method} ${request.url.split('?')[0]}.`);
    reply.status(404).type('application/problem+json').send(p.toJSON(request.url));
  });

  return { app, routes, setAuthenticator: (a) => (authenticator = a) };
}

function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
    }));
    return new Problem(400, 'Bad Request', `Invalid ${where}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
  }
  if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') return new Problem(413, 'Content Too Large', error.message);
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new Problem(415, 'Unsupported Media Type', error.message);
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.name === 'SyntaxError')
    return new Problem(400, 'Bad Request', 'The request body is not valid JSON.', [{ field: 'body', message: 'is not valid JSON' }]);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new Problem(error.statusCode, 'Bad Request', error.message);
  request.log.error({ err: error }, 'unexpected error');
  return new Problem(500, 'Internal Server Error', `Something went wrong on our side (request ${request.id}).`);
}
