import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRatings1795453940774 implements MigrationInterface {
  name = 'CreateRatings1795453940774';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`ratings\` (
          \`subject_type\` varchar(24) NOT NULL,
          \`score\` int NOT NULL,
          \`grade\` varchar(16) NULL,
          \`status\` varchar(16) NULL,
          \`inspection_factor\` decimal(3, 1) NULL,
          \`key_supervision\` tinyint NOT NULL DEFAULT 0,
          \`deposit_retention\` tinyint NOT NULL DEFAULT 0,
          \`termination_recommended\` tinyint NOT NULL DEFAULT 0,
          \`not_rated\` tinyint NOT NULL DEFAULT 0,
          \`rule_set_version\` int UNSIGNED NOT NULL,
          \`explanation\` json NOT NULL,
          \`computed_at\` datetime(3) NOT NULL,
          \`subject_id\` bigint UNSIGNED NOT NULL,
          \`event_revision\` int UNSIGNED NOT NULL,
          PRIMARY KEY (\`subject_id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`ratings\``);
  }
}
