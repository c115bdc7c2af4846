import { LookupAddress } from 'node:dns';
import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/** How much of an answer is read (and thrown away) before the connection is closed. */
const MAX_ANSWER_BYTES = 64 * 1024;

export type PostOutcome = { ok: true; status: number } | { ok: false; error: string };

/**
 * POSTs one delivery to `url`, connecting only to `addresses` (already checked, see resolveWebhookTarget):
 * the lookup below hands them to the socket instead of asking DNS again. TLS still verifies the certificate
 * against the URL's host name. A redirect is never followed (it is a failure like any other non-2xx), and
 * the whole exchange is cut off after `timeoutMs`.
 */
export function postWebhook(url: URL, addresses: LookupAddress[], headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostOutcome> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all === true;
    if (all) (callback as unknown as (err: null, addresses: LookupAddress[]) => void)(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
  const payload = Buffer.from(body, 'utf8');
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(payload.length) },
    lookup: pinned,
    agent: false, // a fresh connection per delivery: no pooled socket to an address checked earlier
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = send(url, options, (res) => {
      const status = res.statusCode ?? 0;
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) res.destroy();
      });
      const done = (): void => {
        if (status >= 200 && status < 300) finish({ ok: true, status });
        else if (status >= 300 && status < 400) finish({ ok: false, error: `HTTP ${status}: redirects are not followed` });
        else finish({ ok: false, error: `HTTP ${status}` });
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    const timer = setTimeout(() => {
      finish({ ok: false, error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, error: `request failed: ${e.code ?? e.message}` }));
    req.end(payload);
  });
}
