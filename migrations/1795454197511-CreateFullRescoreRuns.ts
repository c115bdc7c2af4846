import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFullRescoreRuns1795454197511 implements MigrationInterface {
  name = 'CreateFullRescoreRuns1795454197511';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`full_rescore_runs\` (
          \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
          \`as_of\` date NOT NULL,
          \`started_at\` datetime(3) NOT NULL,
          \`last_subject_id\` bigint UNSIGNED NOT NULL DEFAULT '0',
          \`subjects_done\` int UNSIGNED NOT NULL DEFAULT '0',
          \`ratings_changed\` int UNSIGNED NOT NULL DEFAULT '0',
          \`finished_at\` datetime(3) NULL,
          INDEX \`ix_full_rescore_runs_open\` (\`finished_at\`),
          PRIMARY KEY (\`id\`)
      ) ENGINE = InnoDB
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`full_rescore_runs\``);
  }
}
