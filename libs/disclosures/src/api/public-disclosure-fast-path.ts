import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DisclosureReader } from '../disclosure-reader';
import { matchesEtag } from './http-cache';

const ONE_DISCLOSURE = /^\/public\/disclosures\/(\d{1,19})(?:\?|$)/;

/**
 * The hot path of `GET /public/disclosures/{id}`: when this replica's view cache holds the disclosure, the ready
 * bytes and headers are written here, before Nest's router, guards, interceptors and the controller (that
 * machinery costs more than the answer itself). Anything else goes on to the controller unchanged: a miss, any
 * other method, and any request with an Authorization header (the guard must still refuse a bad key). Runs after
 * the logging middleware, so the request id and the access log are the same as on the controller's path. A client
 * that accepts gzip (every browser) gets the body compressed once when the view was cached. The API's edge
 * (apps/api public-edge) answers the plain hits before Express; this serves what reaches Express while the view is
 * cached (e.g. a request with an Origin while CORS is configured).
 */
@Injectable()
export class PublicDisclosureFastPath implements NestMiddleware {
  constructor(private readonly reader: DisclosureReader) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const m = req.method === 'GET' && req.headers.authorization === undefined ? ONE_DISCLOSURE.exec(req.originalUrl) : null;
    const ready = m ? this.reader.ready(m[1]) : undefined;
    if (!ready) return next();
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    const headers = gzip ? ready.gzipHeaders : ready.headers;
    const ifNoneMatch = req.headers['if-none-match'];
    if (matchesEtag(ifNoneMatch, ready.headers.ETag) || matchesEtag(ifNoneMatch, ready.gzipHeaders.ETag)) {
      res.writeHead(304, { ETag: headers.ETag, 'Cache-Control': headers['Cache-Control'], Vary: headers.Vary });
      res.end();
      return;
    }
    res.writeHead(200, headers);
    res.end(gzip ? ready.gzipBody : ready.body);
  }
}

/** Whether an Accept-Encoding header accepts gzip (named, or *, without q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || header === '') return false;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
