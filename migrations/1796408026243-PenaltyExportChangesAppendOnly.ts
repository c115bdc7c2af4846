import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The export's change log is what the national platform replays: a position once handed out never changes or
 * disappears (a withdrawal is a new WITHDRAW change). The database refuses UPDATE and DELETE on it.
 */
export class PenaltyExportChangesAppendOnly1796408026243 implements MigrationInterface {
  name = 'PenaltyExportChangesAppendOnly1796408026243';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER \`penalty_export_changes_no_update\` BEFORE UPDATE ON \`penalty_export_changes\` FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'penalty_export_changes is append-only'
    `);
    await queryRunner.query(`
      CREATE TRIGGER \`penalty_export_changes_no_delete\` BEFORE DELETE ON \`penalty_export_changes\` FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'penalty_export_changes is append-only'
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS `penalty_export_changes_no_delete`');
    await queryRunner.query('DROP TRIGGER IF EXISTS `penalty_export_changes_no_update`');
  }
}
