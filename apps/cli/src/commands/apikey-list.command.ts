import { ApiKeysService } from '@app/auth';
import { Command, CommandRunner } from 'nest-commander';
import { out } from '../cli-output';

@Command({ name: 'apikey:list', description: 'list API keys (never their secrets)' })
export class ApiKeyListCommand extends CommandRunner {
  constructor(private readonly keys: ApiKeysService) {
    super();
  }

  async run(): Promise<void> {
    for (const k of await this.keys.list()) {
      const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
      out(`${k.id}\t${k.prefix}…\t${k.role}\t${k.name}\t${state}\tlast used ${k.lastUsedAt?.toISOString() ?? 'never'}`);
    }
  }
}
