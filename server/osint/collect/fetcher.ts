import { Agent, fetch, type Response } from 'undici';
import { checkDestination, FetchRefused, guardedLookup } from './address-guard.ts';

export interface FetchOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
  /** Counted on the decoded body while it streams, so a gzip bomb stops here too. */
  maxBytes?: number;
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export type FetchOutcome =
  | { status: 'not-modified' }
  | { status: 'ok'; url: string; body: Buffer; contentType: string; etag: string | null; lastModified: string | null };

export const MAX_REDIRECTS = 5;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 20_000;
// One connection pool per setting; each checks again, at connection time, the addresses a host name resolves to.
const agents = new Map<boolean, Agent>();
const agentFor = (allowPrivate: boolean) => {
  let agent = agents.get(allowPrivate);
  if (!agent) agents.set(allowPrivate, (agent = new Agent({ connect: { lookup: guardedLookup(allowPrivate) } })));
  return agent;
};

export const USER_AGENT = 'OpenCEN-IRIS/1.0 (+news monitoring of a customs enforcement network)';

/**
 * GETs a URL as IRIS fetches every source: each hop's destination checked against request forgery before it
 * is sent, redirects followed by hand (at most five), conditional on the ETag and Last-Modified of the last
 * poll, within a time limit and a size cap.
 */
export async function fetchGuarded(address: string, options: FetchOptions): Promise<FetchOutcome> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: options.accept ?? '*/*', 'accept-encoding': 'gzip, deflate, br' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  let url = new URL(address);
  for (let hop = 0; ; hop++) {
    await checkDestination(url, options.allowPrivate);
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'manual', headers, signal, dispatcher: agentFor(options.allowPrivate) });
    } catch (err) {
      throw new FetchRefused(signal.aborted ? `No answer within ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s.` : `The request failed: ${causeOf(err)}.`);
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      await res.body?.cancel();
      const location = res.headers.get('location');
      if (!location) throw new FetchRefused(`HTTP ${res.status} without a Location header.`);
      if (hop >= MAX_REDIRECTS) throw new FetchRefused(`More than ${MAX_REDIRECTS} redirects (the last to ${new URL(location, url).href}).`);
      url = new URL(location, url);
      continue;
    }
    if (res.status === 304) {
      await res.body?.cancel();
      return { status: 'not-modified' };
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new FetchRefused(`HTTP ${res.status} ${res.statusText}`.trim() + '.');
    }
    const body = await readCapped(res, maxBytes, signal);
    return { status: 'ok', url: url.href, body, contentType: res.headers.get('content-type') ?? '', etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
  }
}

async function readCapped(res: Response, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const tooLarge = () => new FetchRefused(`The answer is larger than the cap of ${Math.round(maxBytes / 1024 / 1024)} MB; not read further.`);
  const declared = Number(res.headers.get('content-length'));
  // The declared length is of the encoded body: larger than the cap means the decoded one is too.
  if (!res.headers.get('content-encoding') && declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof FetchRefused) throw err;
    throw new FetchRefused(signal.aborted ? 'The answer did not arrive within the time limit.' : `Reading the answer failed: ${causeOf(err)}.`);
  }
  return Buffer.concat(chunks);
}

function causeOf(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
