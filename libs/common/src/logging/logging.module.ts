import { AppConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { safeErrorSerializer } from './error-serializer';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Structured JSON logs with a request id (taken from X-Request-Id when it is well-formed, else new) echoed
 * in the response. No personal data: bodies, query strings (GraphQL GET variables) and credentials are never
 * logged; only method, path, status and timing.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (req: IncomingMessage, res: ServerResponse) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            res.setHeader('X-Request-Id', id);
            return id;
          },
          autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            // No SQL or row values from a database error (they carry names and free text).
            err: safeErrorSerializer,
          },
          redact: { paths: ['req.headers', 'headers.authorization'], remove: true },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
