import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database, Db } from './db/database.ts';
import type { Principal } from './http/access.ts';
import type { LiveEventName, LiveEvents } from './live-events-view.ts';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** One entry of the audit log. `actor` is null for the system itself. */
export interface AuditEntry {
  actor: Principal | null;
  action: string; // e.g. "user.create", "auth.login.failed", "screening.search"
  targetType?: string;
  targetId?: string;
  onBehalfOfOrgId?: string;
  detail?: Record<string, unknown>;
  ip?: string;
  requestId?: string;
}

export interface AuditLog {
  record(entry: AuditEntry, tx?: Db): Promise<void>;
  /** Several entries appended to the chain in one go (a handful of statements, whatever their number). */
  recordMany(entries: AuditEntry[], tx?: Db): Promise<void>;
}

export interface StoredFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  createdAt: Date;
}

export interface FileStore {
  /** Encrypts and stores; rejects over the size limit or when the sniffed type is not allowed. */
  put(input: { name: string; data: Buffer; ownerUserId?: string; allowedMime?: (mime: string) => boolean }, tx?: Db): Promise<StoredFile>;
  get(id: string): Promise<{ file: StoredFile; data: Buffer } | null>;
  remove(id: string, tx?: Db): Promise<void>;
}

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  /** Images the HTML shows by content id (`<img src="cid:…">`); base64, so that a message queued as JSON keeps them. */
  inline?: { cid: string; filename: string; contentType: string; contentBase64: string }[];
}

export interface Mailer {
  send(msg: MailMessage): Promise<void>;
}

/** Who receives a realtime event; an event reaches a connection whose user matches any of these. */
export interface Audience {
  userIds?: string[];
  orgIds?: string[];
  roles?: string[];
  everyone?: boolean;
}

export interface EventBus {
  /** Sends one of the events of live-events-view.ts to the connections of `audience`, on every node. */
  publish<K extends LiveEventName>(type: K, data: LiveEvents[K], audience: Audience): Promise<void>;
  /** Ends, on every node, the live streams of a user or of one session (sign-out, account disabled, removed from a group). */
  endStreams(target: { userId?: string; sessionId?: string }): Promise<void>;
}

export interface JobRunner {
  /** Registers the handler of a job kind. */
  handle(kind: string, handler: (payload: unknown, ctx: { attempt: number; jobId: string }) => Promise<void>, opts?: { maxAttempts?: number }): void;
  /** Queues a job; `runAt` delays it. Pass `tx` to queue in the caller's transaction. */
  enqueue(kind: string, payload: unknown, opts?: { runAt?: Date; dedupeKey?: string }, tx?: Db): Promise<string>;
  /** Registers a recurring job by cron expression in a time zone (default UTC). */
  schedule(name: string, cron: string, kind: string, payload?: unknown, timeZone?: string): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  log: FastifyBaseLogger;
  audit: AuditLog;
  files: FileStore;
  mail: Mailer;
  events: EventBus;
  jobs: JobRunner;
}

/**
 * What every module's `module.ts` builds, once per app, in `server/app.ts`: `create<Name>Module(ctx, deps)`
 * takes the app context and the services of the modules it uses, and answers this (docs/modules.md).
 */
export interface ServerModule<Services = unknown> {
  name: string;
  /** The module's services, built once; app.ts hands them to the modules that depend on this one. */
  services: Services;
  routes?(app: App): void | Promise<void>;
  jobs?(): void | Promise<void>;
  /** Demo data, after the demo directory (organisations and users) exists; does nothing when it is there already. */
  seedDemo?(log: (m: string) => void): Promise<void>;
}
