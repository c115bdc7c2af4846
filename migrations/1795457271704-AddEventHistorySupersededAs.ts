import { MigrationInterface, QueryRunner } from 'typeorm';

/** How a superseded event version ended: AMENDED or REVOKED (the lifecycle of domain.md §2). */
export class AddEventHistorySupersededAs1795457271704 implements MigrationInterface {
  name = 'AddEventHistorySupersededAs1795457271704';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`event_history\` ADD \`superseded_as\` varchar(16) NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`event_history\` DROP COLUMN \`superseded_as\``);
  }
}
