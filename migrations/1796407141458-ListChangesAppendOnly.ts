import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A list's change log is what consumers replay: a position once handed out never changes or disappears
 * (corrections are new MODIFY changes). The database refuses UPDATE and DELETE on it, whoever asks.
 */
export class ListChangesAppendOnly1796407141458 implements MigrationInterface {
  name = 'ListChangesAppendOnly1796407141458';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER \`list_changes_no_update\` BEFORE UPDATE ON \`list_changes\` FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'list_changes is append-only'
    `);
    await queryRunner.query(`
      CREATE TRIGGER \`list_changes_no_delete\` BEFORE DELETE ON \`list_changes\` FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'list_changes is append-only'
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS `list_changes_no_delete`');
    await queryRunner.query('DROP TRIGGER IF EXISTS `list_changes_no_update`');
  }
}
