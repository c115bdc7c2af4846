import { NestExpressApplication } from '@nestjs/platform-express';
import { getDistDirectory, renderAltair, SANDBOX_FRAME_CSP } from 'altair-static';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

const ASSETS = '/graphql/ide/';

/** The IDE page's own policy: its scripts only from here (plus the one inline init script, by nonce), no other host. */
function ideCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Angular sets style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * A GraphQL IDE for developers: GET /graphql from a browser (Accept: text/html, no query) answers Altair's
 * page, its assets served from the altair-static package under /graphql/ide/ (the machines have no
 * internet, so nothing may come from a CDN). Any other GET /graphql is GraphQL-over-HTTP as before.
 */
export function mountGraphqlIde(app: NestExpressApplication): void {
  app.useStaticAssets(getDistDirectory(), {
    prefix: ASSETS,
    index: false,
    setHeaders: (res, path) => {
      // Altair runs user scripts in a sandboxed frame; that frame gets the sandbox policy it was built for.
      res.setHeader('Content-Security-Policy', path.includes('iframe-sandbox') ? SANDBOX_FRAME_CSP : ideCsp('none'));
    },
  });
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    const wantsPage = req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    if (req.method !== 'GET' || req.path !== '/' || req.query.query !== undefined || !wantsPage) return next();
    const nonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', ideCsp(nonce));
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(renderAltair({ baseURL: ASSETS, endpointURL: '/graphql', cspNonce: nonce, initialName: 'yibao-credit', disableAccount: true }));
  });
}
