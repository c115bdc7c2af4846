import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every history row has its position (previous migration): required from now on, and unique, for the feed's range scans. */
export class RatingHistorySeqUnique1796405478155 implements MigrationInterface {
  name = 'RatingHistorySeqUnique1796405478155';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `rating_history` MODIFY `seq` bigint UNSIGNED NOT NULL');
    await queryRunner.query('CREATE UNIQUE INDEX `uq_rating_history_seq` ON `rating_history` (`seq`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `uq_rating_history_seq` ON `rating_history`');
    await queryRunner.query('ALTER TABLE `rating_history` MODIFY `seq` bigint UNSIGNED NULL');
  }
}
