import { ApiKeysService, Role } from '@app/auth';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetDatabase } from '../support/database';
import { startApi, TestApi } from '../support/api-app';
import { ROOT } from '../support/test-env';

/**
 * The README's `## Calling it` examples run as written, in order, as one shell session (so a variable set by
 * one example serves the next), against a real API listening on a port of its own: every curl must answer
 * JSON without `errors`, and the session must exit 0. Whatever bash blocks the section holds are run.
 */
const SECTION = '## Calling it';

function exampleBlocks(readme: string): string[] {
  const start = readme.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new Error(`README.md has no "${SECTION}" section`);
  const rest = readme.slice(start + SECTION.length + 2);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

// Every curl is recorded (arguments and answer, one file each, in call order) for the assertions below; it
// still prints the answer, since the examples capture or show it.
const PRELUDE = `set -Eeuo pipefail
curl() {
  local out file
  out="$(command curl "$@")"
  file="$(mktemp "$RESPONSES/$(date +%s%N).XXXX")"
  printf '%s\\n' "$*" >"$file.args"
  printf '%s' "$out" >"$file"
  printf '%s\\n' "$out"
}
`;

let api: TestApi;
let base: string;
let responses: string;

beforeAll(async () => {
  api = await startApi();
  await resetDatabase(api.dataSource);
  await api.app.listen(0, '127.0.0.1');
  base = `127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  responses = mkdtempSync(join(tmpdir(), 'readme-'));
});
afterAll(async () => {
  await api.close();
  rmSync(responses, { recursive: true, force: true });
});

describe(`README.md "${SECTION}"`, () => {
  it('every example runs as written, in order, and no answer carries errors', async () => {
    const blocks = exampleBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThan(0);
    const script = PRELUDE + blocks.join('\n').replace(/\blocalhost:3000\b/g, base);

    // The keys the examples name, should an example use one it does not create itself.
    const keys = api.app.get(ApiKeysService);
    const key = async (role: Role) => (await keys.create(role, `readme ${role}`, 'test')).secret;
    const env = {
      ...process.env,
      RESPONSES: responses,
      KEY: await key(Role.BUDGET),
      REGULATOR_KEY: await key(Role.REGULATOR),
      BUDGET_KEY: await key(Role.BUDGET),
      AUDITOR_KEY: await key(Role.AUDITOR),
      NDRC_KEY: await key(Role.NDRC),
    };

    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      // spawn, not spawnSync: the API answering curl lives in this process's event loop
      const child = spawn('bash', ['-c', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d));
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) }); // stderr shown on failure

    const calls = readdirSync(responses).filter((f) => !f.endsWith('.args')).sort();
    const curlsWritten = (script.match(/^\s*(?:[A-Z_]+=\$\()?curl /gm) ?? []).length;
    expect(calls.length).toBe(curlsWritten);
    for (const f of calls) {
      const args = readFileSync(join(responses, `${f}.args`), 'utf8');
      const text = readFileSync(join(responses, f), 'utf8');
      // The REST feeds and public routes answer NDJSON, CSV, HTML, Atom or plain JSON; the examples use curl -f, so an HTTP
      // error already failed the session. Their answers must still not be an error object.
      if (/\/(feeds\/|public)/.test(args)) {
        expect({ call: args, text }).not.toEqual({ call: args, text: expect.stringMatching(/"code":"[A-Z_]+"/) });
        continue;
      }
      let body: { data?: unknown; errors?: unknown };
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`curl ${args} answered non-JSON: ${text}`);
      }
      expect({ call: args, errors: body.errors }).toEqual({ call: args, errors: undefined });
      expect(body.data).toBeTruthy();
    }
  });
});
