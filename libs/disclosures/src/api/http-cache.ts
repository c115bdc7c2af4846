import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';

/** Whether an If-None-Match header names this ETag (a list, or *; weak forms compared weakly as RFC 9110 allows for GET). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** A strong ETag: SHA-256 of the body, base64url. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"`;
}

/** Sends a public, cacheable body (ETag, Cache-Control: public, max-age) or 304 when If-None-Match names it. */
export function sendCached(req: Request, res: Response, body: string, type: string, maxAgeSeconds: number, etag?: string): void {
  const tag = etag ?? etagOf(body);
  res.setHeader('ETag', tag);
  res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}`);
  res.setHeader('Vary', 'Accept-Encoding');
  if (matchesEtag(req.headers['if-none-match'], tag)) {
    res.status(304).end();
    return;
  }
  res.status(200).type(type).send(body);
}
