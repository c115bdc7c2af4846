import { ApiKeysService, parseRole, Role } from '@app/auth';
import { Command, CommandRunner, Option } from 'nest-commander';
import { cliActor, info, out } from '../cli-output';

@Command({ name: 'apikey:create', description: 'create an API key; the key is printed once, alone on the last line' })
export class ApiKeyCreateCommand extends CommandRunner {
  constructor(private readonly keys: ApiKeysService) {
    super();
  }

  async run(_args: string[], options: { role: Role; name: string }): Promise<void> {
    const { key, secret } = await this.keys.create(options.role, options.name, cliActor());
    info(`created API key ${key.id} (${key.prefix}…) "${key.name}" with role ${key.role}; store it now, it is not shown again`);
    out(secret);
  }

  @Option({ flags: '--role <role>', description: `one of ${Object.values(Role).join(', ')}`, required: true })
  parseRole(value: string): Role {
    const role = parseRole(value);
    if (!role) throw new Error(`unknown role ${value}; use one of ${Object.values(Role).join(', ')}`);
    return role;
  }

  @Option({ flags: '--name <name>', description: 'who the key is for', required: true })
  parseName(value: string): string {
    return value;
  }
}
