import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { FEEDS, encode } from './test-feeds.ts';

export interface FeedServer {
  url: string;
  /** Requests received, by path: proves that a refused address was never asked. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

const MB = 1024 * 1024;

/** Streams `total` bytes of a news-like text in 64 KB chunks, stopping when the client goes away. */
function stream(res: import('node:http').ServerResponse, total: number) {
  const chunk = Buffer.alloc(64 * 1024, '<p>filler</p>');
  let sent = 0;
  const write = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', write);
    }
    res.end();
  };
  write();
}

/**
 * A local HTTP server of fixture feeds, on 127.0.0.1 and a free port: good feeds in several charsets and
 * formats, and the bad cases IRIS must survive (not XML, 50 MB, a gzip bomb, a redirect loop, robots.txt).
 */
export async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, number>();
  // 60 gzip members of 1 MB of zeros each: 60 MB once decoded, about 60 KB on the wire.
  const bomb = Buffer.concat(Array.from({ length: 60 }, () => gzipSync(Buffer.alloc(MB))));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const feed = FEEDS[path];
    if (feed) {
      if (feed.etag && req.headers['if-none-match'] === feed.etag) return void res.writeHead(304, { etag: feed.etag }).end();
      const headers: Record<string, string> = { 'content-type': feed.contentType };
      if (feed.etag) headers.etag = feed.etag;
      return void res.writeHead(200, headers).end(encode(feed));
    }
    switch (path) {
      case '/robots.txt':
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /members/\n');
      case '/huge.rss':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        return stream(res, 50 * MB);
      case '/bomb.rss':
        return void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb);
      case '/loop-a':
        return void res.writeHead(302, { location: '/loop-b' }).end();
      case '/loop-b':
        return void res.writeHead(301, { location: '/loop-a' }).end();
      case '/moved.rss':
        return void res.writeHead(301, { location: '/fr.atom' }).end();
      case '/to-metadata':
        return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      default:
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
