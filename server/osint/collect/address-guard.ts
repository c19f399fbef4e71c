import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Why a fetch was refused or failed; the message is what the source shows as its last error. */
export class FetchRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchRefused';
  }
}

// Cloud instance metadata: refused even where private addresses are allowed (credentials live there).
const metadata = new BlockList();
metadata.addAddress('169.254.169.254');
metadata.addAddress('169.254.170.2');
metadata.addAddress('100.100.100.200');
metadata.addAddress('fd00:ec2::254', 'ipv6');

// Loopback, private, link-local, shared, multicast and reserved ranges: not on the public internet.
const internal = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const)
  internal.addSubnet(net, bits);
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) internal.addSubnet(net, bits, 'ipv6');

/** An IPv4 address written as IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is. */
function normalise(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export function refusalOf(address: string, allowPrivate: boolean): string | null {
  const a = normalise(address);
  if (metadata.check(a.address, a.family)) return `${address} is a cloud metadata address`;
  if (!allowPrivate && internal.check(a.address, a.family)) return `${address} is a loopback, private or link-local address`;
  return null;
}

/**
 * Refuses a URL unless it is http(s) and every address its host resolves to is public (or private addresses
 * are allowed by the configuration). Checked before each request, each redirect hop included.
 */
export async function checkDestination(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused(`Refused: ${url.protocol} is not http or https.`);
  if (url.username || url.password) throw new FetchRefused('Refused: addresses with a user name or password are not fetched.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw new FetchRefused(`The host ${host} could not be resolved.`);
  }
  if (!addresses.length) throw new FetchRefused(`The host ${host} could not be resolved.`);
  for (const address of addresses) {
    const why = refusalOf(address, allowPrivate);
    if (why) throw new FetchRefused(`Refused to fetch ${url.host}: ${why}.`);
  }
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The resolver of the sockets IRIS opens: the addresses a name resolves to when connecting are checked too, so a
 * DNS answer that changed since checkDestination (rebinding) cannot reach an internal address.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { family: options.family, hints: options.hints, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, []);
      for (const a of addresses) {
        const why = refusalOf(a.address, allowPrivate);
        if (why) return callback(new FetchRefused(`Refused to connect to ${hostname}: ${why}.`), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new FetchRefused(`The host ${hostname} could not be resolved.`), []);
      callback(null, first.address, first.family);
    });
  };
}
