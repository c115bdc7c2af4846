import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** The fault suites' scan (support/response-scan.ts) must see what a real process answers over fetch. */
describe('the fault suites scan what real processes answer', () => {
  let server: Server;
  let base: string;
  const planted = '{"errors":[{"message":"boom","stack":"Error: boom\\n    at Object.<anonymous> (/srv/app/dist/main.js:10:15)"}]}';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const streamed = req.url === '/feed';
      res.writeHead(500, { 'content-type': streamed ? 'application/x-ndjson' : 'application/json' });
      res.end(streamed ? 'SELECT name FROM subjects\n' : planted);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('records a stack frame in a JSON answer, leaves the body readable, and skips streamed feeds', async () => {
    const leaks = (globalThis as { __faultLeaks?: string[] }).__faultLeaks!;
    const res = await fetch(`${base}/graphql`, { method: 'POST' });
    expect(await res.text()).toBe(planted);
    expect(leaks).toEqual([expect.stringMatching(/^POST \/graphql -> 500: stack frame/)]);
    await (await fetch(`${base}/feed`)).text();
    expect(leaks).toHaveLength(1);
    leaks.length = 0; // planted on purpose: not a finding of this file
  });
});
