import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { retryDelayMs } from './webhook-delivery.service';
import { postWebhook } from './webhook-post';

const LOOPBACK = [{ address: '127.0.0.1', family: 4 }];

async function server(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ srv: Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const srv = createServer((req, res) => {
    hits.push(`${req.method} ${req.headers.host} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { srv, port: (srv.address() as AddressInfo).port, hits };
}

function close(srv: Server): Promise<void> {
  srv.closeAllConnections();
  return new Promise((resolve) => srv.close(() => resolve()));
}

describe('postWebhook', () => {
  it('connects to the checked addresses only (no second DNS lookup) and reports a 2xx', async () => {
    const { srv, port, hits } = await server((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => res.writeHead(body === '{"a":1}' && req.headers['webhook-id'] === 'x' ? 204 : 400).end());
    });
    try {
      // The name does not resolve at all: the request can only have used the pinned address.
      const outcome = await postWebhook(new URL(`http://receiver.invalid:${port}/h?q=1`), LOOPBACK, { 'webhook-id': 'x', 'content-type': 'application/json' }, '{"a":1}', 5000);
      expect(outcome).toEqual({ ok: true, status: 204 });
      expect(hits).toEqual([`POST receiver.invalid:${port} /h?q=1`]);
    } finally {
      await close(srv);
    }
  });

  it('never follows a redirect, and counts it as a failure', async () => {
    const target = await server((_req, res) => res.writeHead(200).end());
    const redirecting = await server((_req, res) => res.writeHead(307, { location: `http://127.0.0.1:${target.port}/elsewhere` }).end());
    try {
      const outcome = await postWebhook(new URL(`http://127.0.0.1:${redirecting.port}/h`), LOOPBACK, {}, '{}', 5000);
      expect(outcome).toEqual({ ok: false, error: 'HTTP 307: redirects are not followed' });
      expect(target.hits).toEqual([]);
    } finally {
      await close(target.srv);
      await close(redirecting.srv);
    }
  });

  it('gives up on a receiver that does not answer in time, and reports refused connections and errors', async () => {
    const silent = await server(() => undefined);
    try {
      expect(await postWebhook(new URL(`http://127.0.0.1:${silent.port}/h`), LOOPBACK, {}, '{}', 200)).toEqual({ ok: false, error: 'no answer within 200 ms' });
    } finally {
      await close(silent.srv);
    }
    const gone = await server(() => undefined);
    await close(gone.srv);
    expect(await postWebhook(new URL(`http://127.0.0.1:${gone.port}/h`), LOOPBACK, {}, '{}', 5000)).toEqual({ ok: false, error: 'request failed: ECONNREFUSED' });
    const failing = await server((_req, res) => res.writeHead(503).end('busy'));
    try {
      expect(await postWebhook(new URL(`http://127.0.0.1:${failing.port}/h`), LOOPBACK, {}, '{}', 5000)).toEqual({ ok: false, error: 'HTTP 503' });
    } finally {
      await close(failing.srv);
    }
  });
});

describe('retryDelayMs', () => {
  it('doubles per failure from the base, capped at one hour', () => {
    expect([1, 2, 3, 4, 8].map((n) => retryDelayMs(30_000, n))).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000]);
    expect(retryDelayMs(20, 1000)).toBe(3_600_000);
  });
});
