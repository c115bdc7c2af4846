import 'reflect-metadata';
import { DomainError } from '@app/common';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

/** `npm run cli -- <command>`: operator commands. Errors are one line on stderr and a non-zero exit. */
async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (e) => exitFromCommander(e),
    serviceErrorHandler: (e) => fail(e),
  });
}

/**
 * Commander calls this after it has already printed what it had to say (the help, or "error: unknown
 * command ..."): only exit, with commander's own code (0 after --help or `help`, 1 after a usage error).
 */
function exitFromCommander(e: Error & { exitCode?: number; code?: string }): never {
  if (typeof e.exitCode === 'number' && typeof e.code === 'string' && e.code.startsWith('commander.')) process.exit(e.exitCode);
  fail(e);
}

function fail(e: unknown): never {
  const code = e instanceof DomainError ? `${e.code}: ` : '';
  process.stderr.write(`error: ${code}${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof DomainError ? 2 : 1);
}

void main().catch(fail);
