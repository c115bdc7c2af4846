import { DomainError } from '@app/common';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

export const MAX_URL_LENGTH = 2000;

/**
 * Addresses a webhook must not reach unless its host is allow-listed (WEBHOOK_ALLOWED_HOSTS): everything that
 * is not the public internet (RFC 6890 special-purpose ranges), so a subscription cannot make the worker call
 * the service's own database, a cloud metadata endpoint or anything else inside the network.
 */
const NOT_PUBLIC = (() => {
  const b = new BlockList();
  const v4: [string, number][] = [
    ['0.0.0.0', 8], // "this network"
    ['10.0.0.0', 8],
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8], // loopback
    ['169.254.0.0', 16], // link-local (cloud metadata)
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.88.99.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ];
  for (const [net, prefix] of v4) b.addSubnet(net, prefix, 'ipv4'); // also matches IPv4-mapped IPv6 (::ffff:a.b.c.d)
  const v6: [string, number][] = [
    ['::', 128], // unspecified
    ['::1', 128], // loopback
    ['::', 96], // IPv4-compatible (deprecated): ::a.b.c.d embeds an IPv4 address
    ['::ffff:0:0:0', 96], // SIIT IPv4-translated: ::ffff:0:a.b.c.d
    ['64:ff9b::', 96], // NAT64: an IPv4 address behind a translator
    ['64:ff9b:1::', 48],
    ['100::', 64], // discard
    ['2001::', 32], // Teredo
    ['2001:db8::', 32], // documentation
    ['2002::', 16], // 6to4: an embedded IPv4 address
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['fec0::', 10], // site-local (deprecated)
    ['ff00::', 8], // multicast
  ];
  for (const [net, prefix] of v6) b.addSubnet(net, prefix, 'ipv6');
  return b;
})();

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The URL's host as the allow-list spells hosts: lower case, IPv6 without brackets. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

function refuse(message: string, reason: string): DomainError {
  return DomainError.badInput(message, { field: 'url', reason });
}

/**
 * Checks a subscription URL's form: absolute, https (http only for an allow-listed host), no user name or
 * password (they would be stored and shown), no fragment. The addresses are checked by resolveWebhookTarget.
 */
export function parseWebhookUrl(raw: string, allowedHosts: readonly string[]): URL {
  if (raw.length > MAX_URL_LENGTH) throw refuse(`url must be at most ${MAX_URL_LENGTH} characters`, 'URL_TOO_LONG');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('url must be an absolute http(s) URL', 'INVALID_URL');
  }
  const host = hostOf(url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('url must be an https URL', 'INVALID_URL');
  if (host.length === 0) throw refuse('url must name a host', 'INVALID_URL');
  if (url.username !== '' || url.password !== '') throw refuse('url must not carry a user name or password', 'INVALID_URL');
  if (url.hash !== '') throw refuse('url must not have a fragment', 'INVALID_URL');
  if (url.protocol === 'http:' && !allowedHosts.includes(host)) {
    throw refuse('url must be https (plain http only for a host in WEBHOOK_ALLOWED_HOSTS)', 'INSECURE_URL');
  }
  return url;
}

export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

const systemLookup: Lookup = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/**
 * Resolves the URL's host and checks every address it resolves to: each must be public, unless the host is
 * allow-listed. Checked at creation and again before each delivery; the delivery then connects to exactly
 * the addresses checked here (no second lookup), so DNS rebinding cannot slip an internal address in between.
 */
export async function resolveWebhookTarget(url: URL, allowedHosts: readonly string[], lookup: Lookup = systemLookup): Promise<LookupAddress[]> {
  const host = hostOf(url);
  const literal = isIP(host);
  let addresses: LookupAddress[];
  if (literal !== 0) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await lookup(host);
    } catch {
      throw refuse('the url’s host does not resolve', 'UNRESOLVABLE_HOST');
    }
    if (addresses.length === 0) throw refuse('the url’s host does not resolve', 'UNRESOLVABLE_HOST');
  }
  if (!allowedHosts.includes(host) && addresses.some((a) => !isPublicAddress(a.address))) {
    throw refuse('the url resolves to a private, loopback or link-local address; its host is not in WEBHOOK_ALLOWED_HOSTS', 'PRIVATE_ADDRESS');
  }
  return addresses;
}
