import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WebhookSecretCipher } from './webhook-secret';

/**
 * The webhook signing secrets' part of a key rotation (`keys:rotate`): they are encrypted under a key derived
 * from PII_ENCRYPTION_KEY, so once the old key leaves PII_PREVIOUS_KEYS they must already be under the new
 * one, or deliveries stop. A handful of rows: one transaction, rows locked, audited when any changed.
 */
@Injectable()
export class WebhookSecretRotationService {
  private readonly cipher: WebhookSecretCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.cipher = new WebhookSecretCipher(config.pii.encryptionKey, config.pii.previousKeys.map((k) => k.encryptionKey));
  }

  /** Re-encrypts every secret not under the current key; returns how many. Throws (changing nothing) if one decrypts under no configured key. */
  async run(actor: string): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows: { id: string | number; secret_enc: Buffer }[] = await em.query('SELECT id, secret_enc FROM webhook_subscriptions ORDER BY id FOR UPDATE');
      const stale = rows.filter((r) => !this.cipher.isCurrent(r.secret_enc));
      for (const r of stale) {
        await em.query('UPDATE webhook_subscriptions SET secret_enc = ? WHERE id = ?', [this.cipher.encrypt(this.cipher.decrypt(r.secret_enc)), r.id]);
      }
      if (stale.length > 0) {
        await this.audit.append(em, [{ actor, action: 'webhook.secrets_rekeyed', targetType: 'webhook_subscription', targetId: `batch:${stale.length}`, diff: { ids: stale.map((r) => String(r.id)) } }]);
      }
      return stale.length;
    });
  }
}
