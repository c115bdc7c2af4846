import { AppConfig } from '@app/config';
import { DisclosureReader } from '@app/disclosures';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { PinoLogger } from 'nestjs-pino';
import { RateLimiterService } from '../security/rate-limit/rate-limiter.service';
import { captureHeaders, clientIpOf, installPublicDisclosureEdge } from './public-disclosure-edge';

type HeaderMiddleware = Parameters<typeof captureHeaders>[0];

/**
 * Puts the public disclosure edge in front of the app's Express instance, wired to what the app's own path uses: the
 * reader's ready views, helmet's headers (the instance the app mounts), the REST rate limiter with its public cost,
 * Express's "trust proxy" for the caller's IP, the CORS setting and pino-http's logger. Called from configureApiHttp,
 * so main.ts and the tests' startApi both get it.
 */
export function installDisclosureEdge(app: NestExpressApplication, helmetMiddleware: unknown): void {
  const config = app.get(AppConfig);
  const reader = app.get(DisclosureReader);
  const limiter = app.get(RateLimiterService);
  const cost = config.rateLimits.restCost;
  const express = app.getHttpAdapter().getInstance();
  // Read per call: "trust proxy" may be set after this runs.
  const trust = (addr: string, hop: number): boolean => (express.get('trust proxy fn') as (a: string, h: number) => boolean)(addr, hop);
  installPublicDisclosureEdge(app.getHttpServer() as Server, {
    ready: (id) => reader.ready(id),
    securityHeaders: captureHeaders(helmetMiddleware as HeaderMiddleware),
    charge: limiter.enabled ? (ip) => limiter.consume({ role: 'PUBLIC', key: `ip:${ip}` }, cost) : null,
    clientIp: clientIpOf(trust),
    cors: config.httpLimits.corsOrigins.length > 0,
    accessLog: () => PinoLogger.root,
  });
}
