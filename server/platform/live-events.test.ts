import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVE_EVENT_NAMES } from './live-events-view.ts';
import { PROJECT_ROOT } from './paths.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

const names = (texts: string[], re: RegExp) => new Set(texts.flatMap((t) => [...t.matchAll(re)].map((m) => m[1])));

describe('live events', () => {
  const server = sources(join(PROJECT_ROOT, 'server'));
  const web = sources(join(PROJECT_ROOT, 'web', 'src'));

  it('sends only the events of the shared list', () => {
    const sent = names(server, /\.publish\(\s*'([^']+)'/g);
    expect(sent.size).toBeGreaterThan(0);
    for (const name of sent) expect(LIVE_EVENT_NAMES).toContain(name);
  });

  it('has a listener in the web app for every event of the list', () => {
    const heard = names(web, /(?:onLive\(\s*\w+,\s*|useLiveEvent\(\s*|addEventListener\(\s*)'([^']+)'/g);
    for (const name of LIVE_EVENT_NAMES) expect(heard, name).toContain(name);
  });
});
