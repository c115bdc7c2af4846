import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook subscriptions to the list changes: URL, encrypted signing secret, delivery position and failures. */
export class CreateWebhookSubscriptions1796408008768 implements MigrationInterface {
  name = 'CreateWebhookSubscriptions1796408008768';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`webhook_subscriptions\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`list\` varchar(24) NOT NULL,
        \`url\` varchar(2000) NOT NULL,
        \`secret_enc\` varbinary(255) NOT NULL,
        \`status\` varchar(16) NOT NULL,
        \`owner_key_id\` bigint UNSIGNED NULL,
        \`created_by\` varchar(100) NOT NULL,
        \`last_delivered_seq\` bigint UNSIGNED NOT NULL,
        \`retry_to_seq\` bigint UNSIGNED NULL,
        \`consecutive_failures\` int UNSIGNED NOT NULL DEFAULT '0',
        \`last_attempt_at\` datetime(3) NULL,
        \`next_attempt_at\` datetime(3) NULL,
        \`last_error\` varchar(500) NULL,
        \`created_at\` datetime(3) NOT NULL,
        INDEX \`ix_webhook_subscriptions_owner\` (\`owner_key_id\`),
        INDEX \`ix_webhook_subscriptions_status\` (\`status\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `webhook_subscriptions`');
  }
}
