import { DomainError, ErrorCode } from '@app/common';
import { WebhookSecretRotationService } from '@app/lists';
import { KeyRotationBusyError, KeyRotationService } from '@app/registry';
import { Command, CommandRunner, Option } from 'nest-commander';
import { cliActor, info, out, progressBar } from '../cli-output';
import { BUSY_EXIT_CODE } from './rescore.command';

interface RotateFlags {
  chunkSize?: number;
  pauseMs?: number;
}

/**
 * `keys:rotate`: re-encrypts and re-hashes every stored resident ID under the current key (PII_KEY_ID), while
 * the API and workers go on serving with the old key in PII_PREVIOUS_KEYS. Re-run after an interruption: it
 * continues with the rows still on an old key.
 */
@Command({ name: 'keys:rotate', description: 'move every stored resident ID to the current key (PII_KEY_ID); resumable' })
export class KeysRotateCommand extends CommandRunner {
  constructor(
    private readonly rotation: KeyRotationService,
    private readonly webhookSecrets: WebhookSecretRotationService,
  ) {
    super();
  }

  async run(_: string[], flags: RotateFlags): Promise<void> {
    const bar = progressBar('rotating resident-ID keys');
    try {
      const r = await this.rotation.run({ chunkSize: flags.chunkSize, pauseMs: flags.pauseMs, actor: cliActor(), onProgress: (p) => bar.update(p.done, p.total) });
      bar.stop();
      // The webhook signing secrets hang off the same encryption key (HKDF): re-keyed in the same command.
      const secrets = await this.webhookSecrets.run(cliActor());
      if (secrets > 0) out(`${secrets} webhook signing secrets moved to key ${r.keyId}`);
      if (r.pendingAtStart === 0) out(`every resident ID is already on key ${r.keyId}`);
      else out(`${r.rotated} resident IDs moved to key ${r.keyId}${r.resumed ? ' (resumed an interrupted rotation)' : ''}; the previous keys may now leave PII_PREVIOUS_KEYS`);
    } catch (e) {
      bar.stop();
      if (e instanceof KeyRotationBusyError) {
        info(`error: ${e.message}`);
        process.exitCode = BUSY_EXIT_CODE;
        return;
      }
      if (e instanceof DomainError) {
        info(`error: ${e.message}`);
        process.exitCode = e.code === ErrorCode.BAD_USER_INPUT ? 2 : 1;
        return;
      }
      throw e;
    }
  }

  @Option({ flags: '--chunk-size <n>', description: 'rows per transaction (1–10000, default 500)' })
  parseChunkSize(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error('--chunk-size must be a whole number from 1 to 10000');
    return n;
  }

  @Option({ flags: '--pause-ms <n>', description: 'pause between chunks, to spare a busy database (0–60000, default 0)' })
  parsePauseMs(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 60_000) throw new Error('--pause-ms must be a whole number from 0 to 60000');
    return n;
  }
}
