import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRatingNotifications1795453940776 implements MigrationInterface {
  name = 'CreateRatingNotifications1795453940776';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`rating_notifications\` (
          \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
          \`subject_id\` bigint UNSIGNED NOT NULL,
          \`from_value\` varchar(16) NULL,
          \`to_value\` varchar(16) NOT NULL,
          \`event_ids\` json NOT NULL,
          \`created_at\` datetime(3) NOT NULL,
          INDEX \`ix_rating_notifications_subject\` (\`subject_id\`, \`id\`),
          PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`rating_notifications\``);
  }
}
