import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ratings' own "due" marks, moved out of the registry's subjects table (data flows one way); existing marks are kept. */
export class CreateRescoreDue1796405478151 implements MigrationInterface {
  name = 'CreateRescoreDue1796405478151';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`rescore_due\` (
        \`subject_id\` bigint UNSIGNED NOT NULL,
        \`since\` datetime(3) NOT NULL,
        INDEX \`ix_rescore_due_since\` (\`since\`),
        PRIMARY KEY (\`subject_id\`)
      ) ENGINE = InnoDB`);
    await queryRunner.query('INSERT INTO `rescore_due` (subject_id, since) SELECT id, rescore_due_since FROM `subjects` WHERE rescore_due_since IS NOT NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `rescore_due`');
  }
}
