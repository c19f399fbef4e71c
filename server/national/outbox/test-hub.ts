import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../app.ts';
import { loadConfig } from '../../platform/config.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { createTestDatabase } from '../../platform/testing/test-database.ts';
import type { TestApp } from '../../platform/testing/test-app.ts';

/** A national node over a fresh database clone (migrated for its role), on a random loopback port. */
export async function startNationalTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  await migrate(testDb.database, () => undefined, 'national');
  const dataDir = mkdtempSync(join(tmpdir(), 'opencen-national-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    OPENCEN_ROLE: 'national',
    OPENCEN_DATA_DIR: dataDir,
    OPENCEN_DEMO: 'false',
    OPENCEN_JOBS: 'true',
    OPENCEN_LOG_LEVEL: 'silent',
    OPENCEN_COOKIE_SECURE: 'false',
    ...env,
  });
  const running = await startApp(config, { database: testDb.database, prepared: true, logger: false });
  return {
    ...running,
    testDb,
    config,
    async close() {
      await running.close();
      await testDb.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface FakeSeizure {
  id: string;
  reference: string;
  status: 'draft' | 'submitted' | 'validated' | 'returned';
  version: number;
  externalRef: string | null;
  returnComment: string | null;
  body: Record<string, unknown>;
}

export interface Answer {
  status: number;
  body?: unknown;
  /** Sent as is, instead of JSON. */
  raw?: string;
}

export interface Received {
  method: string;
  path: string;
  authorization: string | undefined;
  body: string;
}

/**
 * A stand-in for the hub's seizure API (what the push calls of it), over real HTTP on loopback: it keeps
 * seizures in memory, answers 409 to a second creation under one external reference, and lets a test
 * answer anything instead (`override`): a refusal, a server error, a body that is not JSON.
 */
export class FakeHub {
  server: Server;
  url = '';
  seizures = new Map<string, FakeSeizure>();
  received: Received[] = [];
  override: ((r: Received) => Answer | undefined) | null = null;
  private n = 0;

  constructor(public token = 'hub-token') {
    this.server = createServer((req, res) => {
      void this.read(req).then((body) => {
        const r: Received = { method: req.method ?? 'GET', path: req.url ?? '/', authorization: req.headers.authorization, body };
        this.received.push(r);
        const a = this.override?.(r) ?? this.answer(r);
        if (a.raw !== undefined) {
          res.writeHead(a.status, { 'content-type': 'text/html' });
          res.end(a.raw);
        } else if (a.body === undefined) {
          res.writeHead(a.status);
          res.end();
        } else {
          res.writeHead(a.status, { 'content-type': a.status >= 400 ? 'application/problem+json' : 'application/json' });
          res.end(JSON.stringify(a.body));
        }
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  byExternalRef(ref: string) {
    return [...this.seizures.values()].filter((s) => s.externalRef === ref);
  }

  /** The requests about one hub seizure or its external reference, as "METHOD path-shape". */
  calls(hubId: string | undefined, externalRef: string): string[] {
    return this.received
      .filter((r) => (hubId && r.path.includes(hubId)) || r.path.includes(externalRef) || r.body.includes(externalRef))
      .map((r) => `${r.method} ${r.path.replace(hubId ?? '\u0000', ':id').replace(/\?.*$/, '?')}`);
  }

  private read(req: IncomingMessage): Promise<string> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  }

  private out(s: FakeSeizure) {
    return { ...s.body, id: s.id, reference: s.reference, status: s.status, version: s.version, externalRef: s.externalRef, returnComment: s.returnComment };
  }

  private answer(r: Received): Answer {
    if (r.authorization !== `Bearer ${this.token}`) return { status: 401, body: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The token is not valid.' } };
    const url = new URL(r.path, 'http://hub');
    const m = /^\/api\/v1\/seizures(?:\/([0-9a-f-]{36}))?(\/submit)?$/.exec(url.pathname);
    if (!m) return { status: 404, body: { title: 'Not Found', status: 404 } };
    const [, id, submit] = m;
    const body = r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {};
    const s = id ? this.seizures.get(id) : undefined;
    if (id && !s) return { status: 404, body: { title: 'Not Found', status: 404, detail: 'Seizure not found.' } };
    if (!id && r.method === 'GET') {
      const ref = url.searchParams.get('externalRef');
      return { status: 200, body: { items: ref ? this.byExternalRef(ref).map((x) => ({ id: x.id, reference: x.reference, status: x.status })) : [] } };
    }
    if (!id && r.method === 'POST') {
      const ref = typeof body.externalRef === 'string' ? body.externalRef : null;
      if (ref && this.byExternalRef(ref).length) return { status: 409, body: { title: 'Conflict', status: 409, detail: `Your administration already has a seizure with external reference ${ref}.` } };
      const created: FakeSeizure = { id: randomUUID(), reference: `HUB-2026-${String(++this.n).padStart(7, '0')}`, status: 'draft', version: 1, externalRef: ref, returnComment: null, body };
      this.seizures.set(created.id, created);
      return { status: 201, body: { ...this.out(created), warnings: [] } };
    }
    if (submit && r.method === 'POST') {
      if (s!.status !== 'draft' && s!.status !== 'returned') return { status: 409, body: { title: 'Conflict', status: 409, detail: `A ${s!.status} seizure cannot be submitted.` } };
      Object.assign(s!, { status: 'submitted', version: s!.version + 1 });
      return { status: 200, body: this.out(s!) };
    }
    if (r.method === 'GET') return { status: 200, body: this.out(s!) };
    if (r.method === 'PUT') {
      if (s!.status === 'submitted') return { status: 409, body: { title: 'Conflict', status: 409, detail: 'The seizure is with the RILO for validation.' } };
      if (body.version !== s!.version) return { status: 409, body: { title: 'Conflict', status: 409, detail: 'The record changed since you opened it.' } };
      const { version: _v, ...rest } = body;
      void _v;
      Object.assign(s!, { body: rest, version: s!.version + 1, status: s!.status === 'validated' ? 'submitted' : s!.status });
      return { status: 200, body: { ...this.out(s!), warnings: [] } };
    }
    if (r.method === 'DELETE') {
      if (s!.status !== 'draft' && s!.status !== 'returned') return { status: 409, body: { title: 'Conflict', status: 409, detail: 'Only a draft or a returned seizure can be deleted.' } };
      this.seizures.delete(s!.id);
      return { status: 204 };
    }
    return { status: 405, body: { title: 'Method Not Allowed', status: 405 } };
  }
}
