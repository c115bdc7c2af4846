import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database itself refuses UPDATE and DELETE on audit_log, whoever asks: the application never does
 * either, and a row changed behind its back is what `audit:verify` exists to catch.
 */
export class AuditLogAppendOnly1795446874473 implements MigrationInterface {
  name = 'AuditLogAppendOnly1795446874473';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER \`audit_log_no_update\` BEFORE UPDATE ON \`audit_log\` FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'
    `);
    await queryRunner.query(`
      CREATE TRIGGER \`audit_log_no_delete\` BEFORE DELETE ON \`audit_log\` FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`audit_log_no_delete\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`audit_log_no_update\``);
  }
}
