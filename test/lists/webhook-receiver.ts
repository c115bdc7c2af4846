import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface Delivery {
  headers: Record<string, string>;
  body: string;
  answered: number;
}

export interface Change {
  seq: number;
  op: string;
  entry: { entryId: string };
}

/**
 * A subscriber as the commission would write it: verifies every delivery with the standardwebhooks package,
 * dedupes by webhook-id, applies changes in seq order; answers 500 while told to fail.
 */
export class Receiver {
  readonly deliveries: Delivery[] = [];
  readonly applied: Change[] = [];
  readonly rejected: string[] = [];
  private readonly seen = new Set<string>();
  private server?: Server;
  secret = '';
  failNext = 0;
  failAll = false;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const headers = flat(req.headers);
        const answer = (status: number): void => {
          this.deliveries.push({ headers, body, answered: status });
          res.writeHead(status).end();
        };
        if (this.failAll || this.failNext > 0) {
          if (this.failNext > 0) this.failNext--;
          return answer(500);
        }
        let batch: { fromSeq: number; toSeq: number; changes: Change[] };
        try {
          batch = new Webhook(this.secret).verify(body, headers) as typeof batch;
        } catch (e) {
          this.rejected.push(String(e));
          return answer(400);
        }
        if (this.seen.has(headers['webhook-id'])) return answer(200); // a repeat: acknowledged, not applied again
        this.seen.add(headers['webhook-id']);
        this.applied.push(...batch.changes);
        answer(204);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    const { port } = this.server!.address() as { port: number };
    return `http://127.0.0.1:${port}/hooks/lists`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function flat(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
}

