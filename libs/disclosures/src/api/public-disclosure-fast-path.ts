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
 * the logging middleware, so the request id and the access log are the same as on the controller's path.
 */
@Injectable()
export class PublicDisclosureFastPath implements NestMiddleware {
  constructor(private readonly reader: DisclosureReader) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const m = req.method === 'GET' && req.headers.authorization === undefined ? ONE_DISCLOSURE.exec(req.originalUrl) : null;
    const ready = m ? this.reader.ready(m[1]) : undefined;
    if (!ready) return next();
    if (matchesEtag(req.headers['if-none-match'], ready.rendered.etag)) {
      res.writeHead(304, { ETag: ready.headers.ETag, 'Cache-Control': ready.headers['Cache-Control'], Vary: ready.headers.Vary });
      res.end();
      return;
    }
    res.writeHead(200, ready.headers);
    res.end(ready.body);
  }
}
