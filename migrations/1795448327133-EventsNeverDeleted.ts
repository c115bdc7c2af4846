import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events are never deleted (domain.md §2): corrections are new versions. The database refuses DELETE on the
 * current rows and any change at all to superseded versions, whoever asks.
 */
export class EventsNeverDeleted1795448327133 implements MigrationInterface {
  name = 'EventsNeverDeleted1795448327133';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER \`events_no_delete\` BEFORE DELETE ON \`events\` FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'events are never deleted: revoke or amend instead'
    `);
    await queryRunner.query(`
      CREATE TRIGGER \`event_history_no_update\` BEFORE UPDATE ON \`event_history\` FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'event_history is append-only'
    `);
    await queryRunner.query(`
      CREATE TRIGGER \`event_history_no_delete\` BEFORE DELETE ON \`event_history\` FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'event_history is append-only'
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`event_history_no_delete\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`event_history_no_update\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`events_no_delete\``);
  }
}
