import { MigrationInterface, QueryRunner } from 'typeorm';

/** An organisation's category (issue 3: organisations carry name, region code, category, agreement date). */
export class AddSubjectCategory1795457259676 implements MigrationInterface {
  name = 'AddSubjectCategory1795457259676';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`subjects\` ADD \`category\` varchar(64) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`subjects\` DROP COLUMN \`category\``);
  }
}
