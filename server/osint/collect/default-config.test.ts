import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { signIn } from '../../seizures/testing.ts';
import { startFeedServer, type FeedServer } from './test-feed-server.ts';

let t: TestApp;
let feeds: FeedServer;
let i2c: Awaited<ReturnType<typeof signIn>>;

// The default configuration: OPENCEN_OSINT_ALLOW_PRIVATE unset.
beforeAll(async () => {
  feeds = await startFeedServer();
  t = await startTestApp();
  i2c = await signIn(t, ['i2c_officer'], { country: 'BE' });
});
afterAll(async () => {
  await t?.close();
  await feeds?.close();
});

describe('request forgery, with the default configuration', () => {
  it('refuses sources on 127.0.0.1 and 169.254.169.254 before any request is sent, and says so on the source', async () => {
    expect(t.config.osintAllowPrivate).toBe(false);
    for (const [url, why] of [
      [`${feeds.url}/ru.rss`, /127\.0\.0\.1 is a loopback, private or link-local address/],
      ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a cloud metadata address/],
    ] as const) {
      const created = await i2c.client.post('/api/v1/osint/sources', { url, kind: 'rss', name: url });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const polled = await i2c.client.post(`/api/v1/osint/sources/${created.body.id}/poll`);
      expect(polled.body, url).toMatchObject({ outcome: 'failed', newItems: 0, error: expect.stringMatching(why), source: { lastError: expect.stringMatching(why), itemCount: 0 } });
    }
    expect(feeds.hits.size).toBe(0);
  });
});
