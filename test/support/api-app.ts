import { ApiModule } from '../../apps/api/src/api.module';
import { configureApiHttp } from '../../apps/api/src/security/configure-api-http';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

export interface TestApi {
  app: INestApplication;
  dataSource: DataSource;
  /** POST /graphql with an optional API key. */
  gql(query: string, variables?: Record<string, unknown>, key?: string): request.Test;
  close(): Promise<void>;
}

/** The real API module, in process, on the worker's real database and Redis. */
export async function startApi(): Promise<TestApi> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureApiHttp(app);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    dataSource: app.get(DataSource),
    gql(query, variables, key) {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (key) req.set('authorization', `Bearer ${key}`);
      return req.send({ query, variables });
    },
    close: () => app.close(),
  };
}
