import 'reflect-metadata';
import { DomainError } from '@app/common';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

/** `npm run cli -- <command>`: operator commands. Errors are one line on stderr and a non-zero exit. */
async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (e) => fail(e),
    serviceErrorHandler: (e) => fail(e),
  });
}

function fail(e: unknown): never {
  const code = e instanceof DomainError ? `${e.code}: ` : '';
  process.stderr.write(`error: ${code}${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof DomainError ? 2 : 1);
}

void main().catch(fail);
