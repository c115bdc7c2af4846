import { Worker } from 'node:worker_threads';

export interface LoadPass {
  ms: number;
  requests: number;
  /** Answers that were not 200 or whose ETag was not the expected one (at most a few, described). */
  bad: string[];
  badCount: number;
  /** Requests sent again because the server had closed their idle kept-alive socket as they were sent. */
  retries: number;
}

/**
 * The load generator of the HTTP benchmarks, in a worker thread: its own event loop beside the server's, as a
 * separate client would be, so the client's parsing does not queue behind the server's work on one thread (both
 * still share the machine's cores). node:http with a keep-alive agent of `concurrency` sockets; every body is
 * received in full (its bytes counted, not decompressed, as load generators do) before the next request on that socket.
 */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
let agent = null;
let retries = 0;
// A kept-alive socket the server closed as idle just as it was reused: sent again once on a new socket, as Node's
// documentation advises (http.ClientRequest reusedSocket); counted and reported. Any other error fails the pass.
function request(url, headers, again = true) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => resolve({ status: res.statusCode, etag: String(res.headers.etag || ''), bytes }));
      res.on('error', reject);
    });
    req.on('error', (e) => {
      if (again && req.reusedSocket && e.code === 'ECONNRESET') {
        retries++;
        request(url, headers, false).then(resolve, reject);
      } else reject(e);
    });
  });
}
parentPort.on('message', async ({ urls, etags, concurrency, headers }) => {
  if (!agent) agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  retries = 0;
  let next = 0;
  const bad = [];
  let badCount = 0;
  let bytes = 0;
  try {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < urls.length) {
        const i = next++;
        const r = await request(urls[i], headers);
        bytes += r.bytes;
        if (r.status !== 200 || (etags && r.etag !== etags[i])) {
          badCount++;
          if (bad.length < 5) bad.push(urls[i] + ': ' + r.status + ', ETag ' + r.etag + (etags ? ' vs ' + etags[i] : ''));
        }
      }
    }));
    parentPort.postMessage({ ms: performance.now() - t0, requests: urls.length, bytes, bad, badCount, retries });
  } catch (e) {
    parentPort.postMessage({ error: String(e) });
  }
});
`;

export class HttpLoad {
  private readonly worker = new Worker(SOURCE, { eval: true });

  /** Every url once, `concurrency` in flight; `etags` (same order) checked when given. */
  pass(urls: readonly string[], concurrency: number, etags?: readonly string[], headers: Record<string, string> = {}): Promise<LoadPass> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', (m: LoadPass & { error?: string }) => (m.error ? reject(new Error(m.error)) : resolve(m)));
      this.worker.postMessage({ urls, etags: etags ?? null, concurrency, headers });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
