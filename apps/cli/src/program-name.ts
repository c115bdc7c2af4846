import { Injectable } from '@nestjs/common';
import { InjectCommander } from 'nest-commander';

/** What an operator types, so usage lines read `Usage: npm run cli -- apikey:create [options]`. */
export const PROGRAM_NAME = 'npm run cli --';

/**
 * Names the commander program. Without a name commander takes the entry file's (`main`), which is not how
 * anyone calls the CLI.
 */
@Injectable()
export class ProgramName {
  constructor(@InjectCommander() commander: { name(name: string): unknown }) {
    commander.name(PROGRAM_NAME);
  }
}
