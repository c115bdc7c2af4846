import type { Response } from 'express';
import { once } from 'node:events';

/** Bytes gathered before one socket write: a page of lines goes out in a few writes, not one per line. */
const WRITE_BATCH = 64 * 1024;

/**
 * Writes with back-pressure: waits for the socket to drain, so a slow consumer never fills memory. Returns
 * false once the consumer has gone (closed the connection mid-download): then no 'drain' ever comes, and the
 * caller must stop so its transaction and connection are released at once, not held forever.
 */
export async function write(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return false;
  if (res.write(chunk)) return true;
  const controller = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: controller.signal }), once(res, 'close', { signal: controller.signal })]);
  } finally {
    controller.abort();
  }
  return !res.destroyed;
}

/** Writes many short pieces (NDJSON or CSV lines) as a few large writes; false once the consumer has gone. */
export async function writeAll(res: Response, pieces: AsyncIterable<string> | Iterable<string>): Promise<boolean> {
  let buffer = '';
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= WRITE_BATCH) {
      if (!(await write(res, buffer))) return false;
      buffer = '';
    }
  }
  return buffer.length === 0 || write(res, buffer);
}
