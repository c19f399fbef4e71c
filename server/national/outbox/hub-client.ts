import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { Config } from '../../platform/config.ts';
import type { SeizureInput } from '../../seizures/index.ts';

/** What the push reads of a seizure on the hub (its API's seizure, of which only these fields matter here). */
export const hubSeizure = z.object({
  id: z.uuid(),
  reference: z.string().min(1),
  status: z.enum(['draft', 'submitted', 'validated', 'returned']),
  version: z.number().int(),
  returnComment: z.string().nullable(),
  externalRef: z.string().nullable(),
});
export type HubSeizure = z.infer<typeof hubSeizure>;
const hubPage = z.object({ items: z.array(z.object({ id: z.uuid(), reference: z.string(), status: z.string() })) });

/**
 * A refusal or failure of the hub. `retryable`: the hub could not be reached, or answered 5xx, 408 or 429;
 * the row waits and is tried again. Anything else (401, 403, 404, 409, 422, another 4xx, a body that is not
 * what the hub's API answers) is final until an officer acts.
 */
export class HubError extends Error {
  constructor(
    message: string,
    public status: number | null,
    public retryable: boolean,
  ) {
    super(message);
  }
}

export interface HubClient {
  readonly url: string | null;
  /** Changes when the token does (a token file rewritten): a refused token is worth trying again then. */
  credentials(): string;
  create(body: SeizureInput): Promise<HubSeizure | { conflict: true }>;
  get(hubId: string): Promise<HubSeizure | null>;
  byExternalRef(externalRef: string): Promise<string | null>;
  update(hubId: string, body: SeizureInput, version: number): Promise<HubSeizure>;
  submit(hubId: string): Promise<HubSeizure>;
  /** False when the hub has no such seizure (it is gone already). */
  remove(hubId: string): Promise<boolean>;
}

const REQUEST_TIMEOUT_MS = 10_000;
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);
const clip = (s: string, n = 600) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The problem detail of a refusal, as the officer reads it: "422 Unprocessable Content: commodities.0.unit: …". */
function describeRefusal(status: number, text: string): string {
  try {
    const p = JSON.parse(text) as { title?: unknown; detail?: unknown; errors?: { field?: unknown; message?: unknown }[] };
    const title = typeof p.title === 'string' ? p.title : '';
    const detail = typeof p.detail === 'string' ? p.detail : '';
    const fields = Array.isArray(p.errors) ? p.errors.map((e) => `${String(e.field)}: ${String(e.message)}`).join('; ') : '';
    const said = [title, detail && detail !== fields ? detail : '', fields].filter(Boolean).join(': ');
    if (said) return clip(`${status} ${said}`);
  } catch {
    // not a problem document
  }
  return clip(`${status} ${text.replace(/\s+/g, ' ').trim() || 'no body'}`);
}

/**
 * The hub's seizure API, called with the hub system account's token (`Authorization: Bearer`). A token
 * file is read again whenever it changes, so a renewed token is used without a restart.
 */
export function createHubClient(hub: Config['hub'], timeoutMs = REQUEST_TIMEOUT_MS): HubClient {
  let fileToken: { mtimeMs: number; token: string } | null = null;

  function token(): string {
    if (hub.token) return hub.token;
    if (!hub.tokenFile) throw new HubError('no hub token: set OPENCEN_HUB_TOKEN or OPENCEN_HUB_TOKEN_FILE', null, false);
    try {
      const { mtimeMs } = statSync(hub.tokenFile);
      if (!fileToken || fileToken.mtimeMs !== mtimeMs) fileToken = { mtimeMs, token: readFileSync(hub.tokenFile, 'utf8').trim() };
    } catch (e) {
      throw new HubError(`cannot read the hub token file ${hub.tokenFile}: ${(e as Error).message}`, null, false);
    }
    if (!fileToken.token) throw new HubError(`the hub token file ${hub.tokenFile} is empty`, null, false);
    return fileToken.token;
  }

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    if (!hub.url) throw new HubError('no hub address: set OPENCEN_HUB_URL', null, false);
    const headers: Record<string, string> = { authorization: `Bearer ${token()}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${hub.url}/api/v1/seizures${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      text = await res.text();
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const why = err.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (err.cause?.code ?? err.cause?.message ?? err.message);
      throw new HubError(`the hub cannot be reached (${method} ${path || '/'}): ${why}`, null, true);
    }
    if (res.status >= 200 && res.status < 300) return { status: res.status, text };
    throw new HubError(describeRefusal(res.status, text), res.status, RETRYABLE.has(res.status));
  }

  function parse<T>(schema: z.ZodType<T>, answer: { status: number; text: string }, what: string): T {
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw new HubError(`the hub answered ${answer.status} to ${what} with a body that is not JSON: ${clip(answer.text.replace(/\s+/g, ' '), 200) || 'empty'}`, answer.status, false);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HubError(`the hub answered ${answer.status} to ${what} with a body that is not what its API answers: ${clip(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 300)}`, answer.status, false);
    return parsed.data;
  }

  return {
    url: hub.url,
    credentials() {
      if (!hub.tokenFile) return 'env';
      try {
        return `file:${statSync(hub.tokenFile).mtimeMs}`;
      } catch {
        return 'file:missing';
      }
    },
    async create(body) {
      try {
        return parse(hubSeizure, await call('POST', '', body), 'the creation');
      } catch (e) {
        if (e instanceof HubError && e.status === 409) return { conflict: true };
        throw e;
      }
    },
    async get(hubId) {
      try {
        return parse(hubSeizure, await call('GET', `/${hubId}`), 'the read');
      } catch (e) {
        if (e instanceof HubError && e.status === 404) return null;
        throw e;
      }
    },
    async byExternalRef(externalRef) {
      const page = parse(hubPage, await call('GET', `?externalRef=${encodeURIComponent(externalRef)}&pageSize=2`), 'the look-up');
      return page.items[0]?.id ?? null;
    },
    async update(hubId, body, version) {
      return parse(hubSeizure, await call('PUT', `/${hubId}`, { ...body, version }), 'the change');
    },
    async submit(hubId) {
      return parse(hubSeizure, await call('POST', `/${hubId}/submit`, {}), 'the submission');
    },
    async remove(hubId) {
      try {
        await call('DELETE', `/${hubId}`);
        return true;
      } catch (e) {
        if (e instanceof HubError && e.status === 404) return false;
        throw e;
      }
    },
  };
}
