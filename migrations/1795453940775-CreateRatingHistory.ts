import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRatingHistory1795453940775 implements MigrationInterface {
  name = 'CreateRatingHistory1795453940775';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`rating_history\` (
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
          \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
          \`subject_id\` bigint UNSIGNED NOT NULL,
          INDEX \`ix_rating_history_subject\` (\`subject_id\`, \`computed_at\`),
          PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`rating_history\``);
  }
}
