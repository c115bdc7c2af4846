import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { writeFileSync } from 'node:fs';
import { ApiModule } from './api.module';
import { SCHEMA_FILE, schemaFileContent } from './graphql/schema-file';

/** `npm run schema:print`: writes schema.gql from the running code's schema. */
async function main(): Promise<void> {
  const app = await NestFactory.create(ApiModule, { logger: ['error'] });
  await app.init();
  writeFileSync(SCHEMA_FILE, schemaFileContent(app.get(GraphQLSchemaHost).schema));
  await app.close();
  process.stderr.write(`wrote ${SCHEMA_FILE}\n`);
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
