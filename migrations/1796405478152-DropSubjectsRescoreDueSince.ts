import { MigrationInterface, QueryRunner } from 'typeorm';

/** The registry no longer keeps ratings' bookkeeping: the marks live in rescore_due (previous migration). */
export class DropSubjectsRescoreDueSince1796405478152 implements MigrationInterface {
  name = 'DropSubjectsRescoreDueSince1796405478152';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `ix_subjects_rescore_due` ON `subjects`');
    await queryRunner.query('ALTER TABLE `subjects` DROP COLUMN `rescore_due_since`');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `subjects` ADD `rescore_due_since` datetime(3) NULL');
    await queryRunner.query('UPDATE `subjects` s JOIN `rescore_due` d ON d.subject_id = s.id SET s.rescore_due_since = d.since');
    await queryRunner.query('CREATE INDEX `ix_subjects_rescore_due` ON `subjects` (`rescore_due_since`)');
  }
}
