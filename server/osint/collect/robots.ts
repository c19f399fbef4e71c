import robotsParserModule from 'robots-parser';
import { FetchRefused } from './address-guard.ts';
import { fetchGuarded } from './fetcher.ts';

/** The name IRIS answers to in robots.txt groups (a group for `*` applies otherwise). */
export const ROBOTS_AGENT = 'OpenCEN-IRIS';
const ROBOTS_MAX_BYTES = 512 * 1024;
// The package's typings declare the module twice, which hides the call signature of its default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => { isDisallowed(url: string, agent?: string): boolean | undefined };

/**
 * Refuses a page the site's robots.txt disallows to us. No robots.txt (an HTTP error below 500) allows
 * everything; a robots.txt that cannot be read (a server error, a refused address) refuses, as crawlers do.
 */
export async function checkRobots(pageUrl: string, allowPrivate: boolean): Promise<void> {
  const robotsUrl = new URL('/robots.txt', pageUrl).href;
  let text: string;
  try {
    const res = await fetchGuarded(robotsUrl, { allowPrivate, maxBytes: ROBOTS_MAX_BYTES, timeoutMs: 10_000, accept: 'text/plain' });
    text = res.status === 'ok' ? res.body.toString('utf8') : '';
  } catch (err) {
    const status = /^HTTP (\d{3})/.exec((err as Error).message)?.[1];
    if (status && Number(status) < 500) return;
    throw new FetchRefused(`robots.txt of ${new URL(pageUrl).host} could not be read (${(err as Error).message}); the page is not fetched.`);
  }
  if (robotsParser(robotsUrl, text).isDisallowed(pageUrl, ROBOTS_AGENT)) throw new FetchRefused(`robots.txt of ${new URL(pageUrl).host} disallows this page to ${ROBOTS_AGENT}; not fetched.`);
}
