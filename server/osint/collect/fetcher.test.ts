import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedLookup, refusalOf } from './address-guard.ts';
import { decodeBody } from './charset.ts';
import { fetchGuarded } from './fetcher.ts';
import { parseFeed } from './parse-feed.ts';
import { startFeedServer, type FeedServer } from './test-feed-server.ts';

let feeds: FeedServer;
beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(() => feeds?.close());

const allowed = { allowPrivate: true };

describe('the address guard (default configuration: private addresses refused)', () => {
  it('refuses 127.0.0.1 and 169.254.169.254 before any request is sent', async () => {
    const before = feeds.hits.get('/etag.rss') ?? 0;
    await expect(fetchGuarded(`${feeds.url}/etag.rss`, { allowPrivate: false })).rejects.toThrow(/127\.0\.0\.1 is a loopback, private or link-local address/);
    expect(feeds.hits.get('/etag.rss') ?? 0).toBe(before);
    await expect(fetchGuarded('http://169.254.169.254/latest/meta-data/', { allowPrivate: false, timeoutMs: 2_000 })).rejects.toThrow(/cloud metadata address/);
    await expect(fetchGuarded('http://[::1]:9/', { allowPrivate: false })).rejects.toThrow(/loopback/);
    await expect(fetchGuarded('http://localhost:9/', { allowPrivate: false })).rejects.toThrow(/Refused/);
  });

  it('knows the ranges: private, link-local, mapped IPv4, unique-local; metadata even where private is allowed', () => {
    for (const a of ['10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.1.1', '0.0.0.0', '::ffff:127.0.0.1', 'fd12::1', 'fe80::1']) expect(refusalOf(a, false), a).not.toBeNull();
    for (const a of ['93.184.216.34', '2606:4700::1111', '172.32.0.1']) expect(refusalOf(a, false), a).toBeNull();
    expect(refusalOf('10.1.2.3', true)).toBeNull();
    expect(refusalOf('169.254.169.254', true)).toMatch(/metadata/);
  });

  it('checks the addresses again when the socket connects, so a changed DNS answer cannot reach inside', async () => {
    const resolve = (allowPrivate: boolean) =>
      new Promise<unknown>((done) => guardedLookup(allowPrivate)('localhost', { all: true }, (err, addresses) => done(err ?? addresses)));
    expect(String(await resolve(false))).toMatch(/Refused to connect to localhost: .* loopback/);
    expect(await resolve(true)).toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) })]));
    // A host name (not an address) goes through that resolver: allowed here, the fixture answers.
    const port = new URL(feeds.url).port;
    expect(await fetchGuarded(`http://localhost:${port}/etag.rss`, allowed)).toMatchObject({ status: 'ok' });
  });

  it('refuses a redirect to the metadata address, and schemes other than http(s)', async () => {
    await expect(fetchGuarded(`${feeds.url}/to-metadata`, allowed)).rejects.toThrow(/169\.254\.169\.254 is a cloud metadata address/);
    await expect(fetchGuarded('file:///etc/passwd', allowed)).rejects.toThrow(/file: is not http or https/);
  });
});

describe('fetching a source', () => {
  it('stops a 50 MB body and a gzip bomb at the cap, with a clear error', async () => {
    await expect(fetchGuarded(`${feeds.url}/huge.rss`, allowed)).rejects.toThrow('The answer is larger than the cap of 5 MB; not read further.');
    await expect(fetchGuarded(`${feeds.url}/bomb.rss`, allowed)).rejects.toThrow('The answer is larger than the cap of 5 MB; not read further.');
  });

  it('follows redirects by hand, at most five', async () => {
    await expect(fetchGuarded(`${feeds.url}/loop-a`, allowed)).rejects.toThrow(/More than 5 redirects/);
    expect(feeds.hits.get('/loop-a')! + feeds.hits.get('/loop-b')!).toBe(6);
    const moved = await fetchGuarded(`${feeds.url}/moved.rss`, allowed);
    expect(moved).toMatchObject({ status: 'ok', url: `${feeds.url}/fr.atom` });
  });

  it('asks with the ETag and takes 304 as nothing new', async () => {
    const first = await fetchGuarded(`${feeds.url}/etag.rss`, allowed);
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"' });
    expect(await fetchGuarded(`${feeds.url}/etag.rss`, { ...allowed, etag: '"v1"' })).toEqual({ status: 'not-modified' });
  });

  it('decodes Windows-1251 from the header, ISO-8859-1 from the XML declaration, the HTML meta charset', async () => {
    for (const [path, charset, word] of [
      ['/ru.rss', 'windows-1251', 'Таможня изъяла'],
      ['/latin1.rss', 'windows-1252', 'Apreensão de cocaína'],
      ['/news/seizure.html', 'windows-1251', 'Таможенники задержали'],
    ] as const) {
      const res = await fetchGuarded(`${feeds.url}${path}`, allowed);
      if (res.status !== 'ok') throw new Error('expected a body');
      const decoded = decodeBody(res.body, res.contentType);
      // The WHATWG Encoding Standard reads the ISO-8859-1 label as windows-1252, its superset.
      expect(decoded.charset, path).toBe(charset);
      expect(decoded.text, path).toContain(word);
    }
  });
});

describe('parsing feeds', () => {
  it('reads RSS, Atom, RDF and JSON Feed, and says why a document is no feed', async () => {
    const text = async (path: string) => {
      const res = await fetchGuarded(`${feeds.url}${path}`, allowed);
      if (res.status !== 'ok') throw new Error('expected a body');
      return decodeBody(res.body, res.contentType).text;
    };
    expect(parseFeed(await text('/ru.rss'))).toMatchObject({ format: 'rss', language: 'ru', entries: [{ title: 'Таможня изъяла 300 кг кокаина из Эквадора' }, {}] });
    const atom = parseFeed(await text('/fr.atom'));
    expect(atom).toMatchObject({ format: 'atom', language: 'fr' });
    expect(atom.entries[0]).toMatchObject({ link: 'https://actu.example.fr/saisie-marseille#haut', published: new Date('2026-12-07T07:45:00Z') });
    expect(parseFeed(await text('/rdf.xml')).entries[0]).toMatchObject({ link: 'https://aduanas.example.es/marfil-valencia', published: new Date('2026-12-03T11:00:00Z') });
    expect(parseFeed(await text('/feed.json'))).toMatchObject({ format: 'jsonfeed', language: 'en', entries: [{ title: 'Kenya seizes ivory at Mombasa port' }, {}] });
    const notXml = await text('/not-xml.rss');
    expect(() => parseFeed(notXml)).toThrow(/Not a feed: not well-formed XML/);
    expect(() => parseFeed('<html><body><p>moved</p></body></html>')).toThrow(/the XML root is <html>/);
    expect(() => parseFeed('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>')).toThrow(/declares XML entities/);
    expect(() => parseFeed('{"title": "no version"}')).toThrow(/jsonfeed.org/);
  });
});
