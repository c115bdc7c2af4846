import { ApiKeysService } from '@app/auth';
import { Command, CommandRunner } from 'nest-commander';
import { cliActor, out } from '../cli-output';

@Command({ name: 'apikey:revoke', arguments: '<idOrPrefix>', description: 'revoke an API key by id or prefix' })
export class ApiKeyRevokeCommand extends CommandRunner {
  constructor(private readonly keys: ApiKeysService) {
    super();
  }

  async run([idOrPrefix]: string[]): Promise<void> {
    const key = await this.keys.revoke(idOrPrefix, cliActor());
    out(`revoked API key ${key.id} (${key.prefix}…) "${key.name}"`);
  }
}
