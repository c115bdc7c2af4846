import express from 'express';
import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';
import { captureHeaders, clientIpOf } from './public-disclosure-edge';

describe('clientIpOf: req.ip as Express computes it', () => {
  const app = express();
  app.set('trust proxy', 'loopback');
  const trust = app.get('trust proxy fn') as (addr: string, hop: number) => boolean;
  const ipOf = clientIpOf(trust);
  const req = (remoteAddress: string, xff?: string) => ({ socket: { remoteAddress }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;
  // What Express's own req.ip says for the same request (its getter reads the app's trust function).
  const expressIp = (r: IncomingMessage): string => {
    const er = Object.create(express.request, { app: { value: app }, socket: { value: r.socket }, connection: { value: r.socket }, headers: { value: r.headers } });
    return (er as { ip: string }).ip;
  };

  it.each([
    ['a direct client', '203.0.113.9', undefined],
    ['a direct client claiming another address', '203.0.113.9', '198.51.100.1'],
    ['through a local proxy', '127.0.0.1', '198.51.100.1'],
    ['through a local proxy, IPv6', '::1', '2001:db8::1'],
    ['through two proxies, only the local one trusted', '127.0.0.1', '198.51.100.1, 192.0.2.7'],
    ['through two local proxies', '127.0.0.1', '198.51.100.1, 127.0.0.1'],
    ['a local client with no header', '127.0.0.1', undefined],
    ['a local proxy, empty header parts', '127.0.0.1', ' , 198.51.100.1'],
  ])('%s', (_name, remote, xff) => {
    const r = req(remote, xff);
    expect(ipOf(r)).toBe(expressIp(r));
  });
});

describe('captureHeaders', () => {
  it('captures helmet\'s headers as it sets them on a response', () => {
    const headers = new Map(captureHeaders(helmet() as Parameters<typeof captureHeaders>[0]).map(([n, v]) => [n.toLowerCase(), v]));
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(headers.has('x-powered-by')).toBe(false);
  });

  it('refuses a middleware that does not finish synchronously', () => {
    expect(() => captureHeaders((_req, _res, next) => void setTimeout(next, 0))).toThrow(/synchronously/);
  });
});
