import { ListKind } from '@app/credit';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum WebhookStatus {
  /** Delivered as changes arrive. */
  ACTIVE = 'ACTIVE',
  /** Stopped after WEBHOOK_MAX_FAILURES consecutive failures; resumeWebhookSubscription restarts it. */
  PAUSED = 'PAUSED',
}

/**
 * A push subscription to one list's changes (consumers.md: optional push, a signed webhook per change batch
 * with retries). Deliveries go out in seq order from last_delivered_seq + 1; a 2xx answer moves
 * last_delivered_seq forward, anything else counts a failure and sets the next attempt (exponential backoff).
 * The signing secret is stored encrypted (WebhookSecretCipher) and shown to the caller only once.
 */
@Entity('webhook_subscriptions')
@Index('ix_webhook_subscriptions_status', ['status'])
@Index('ix_webhook_subscriptions_owner', ['ownerKeyId'])
export class WebhookSubscription {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  list!: ListKind;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  /** AES-256-GCM: nonce ‖ tag ‖ ciphertext of the `whsec_…` secret. */
  @Column({ name: 'secret_enc', type: 'varbinary', length: 255 })
  secretEnc!: Buffer;

  @Column({ type: 'varchar', length: 16 })
  status!: WebhookStatus;

  /** The API key that created it (its owner); null when created by an operator command. */
  @Column({ name: 'owner_key_id', type: 'bigint', unsigned: true, nullable: true })
  ownerKeyId!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  /** Every change up to this seq has been answered with a 2xx. */
  @Column({ name: 'last_delivered_seq', type: 'bigint', unsigned: true })
  lastDeliveredSeq!: string;

  /** While a batch is being retried: its last seq, so the retry carries the same changes under the same webhook-id. */
  @Column({ name: 'retry_to_seq', type: 'bigint', unsigned: true, nullable: true })
  retryToSeq!: string | null;

  @Column({ name: 'consecutive_failures', type: 'int', unsigned: true, default: 0 })
  consecutiveFailures!: number;

  @Column({ name: 'last_attempt_at', type: 'datetime', precision: 3, nullable: true })
  lastAttemptAt!: Date | null;

  /** Not before this moment (backoff after a failure); null: as soon as there is something to send. */
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3, nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
