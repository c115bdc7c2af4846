import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rating_history.seq, the rating-changes feed's position (commit order, no gaps). Rows written before it are
 * numbered in id order (they are all committed, so that order is final) and the stream's head starts after them.
 */
export class AddRatingHistorySeq1796405478154 implements MigrationInterface {
  name = 'AddRatingHistorySeq1796405478154';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `rating_history` ADD `seq` bigint UNSIGNED NULL');
    await queryRunner.query('SET @seq := 0');
    await queryRunner.query('UPDATE `rating_history` SET seq = (@seq := @seq + 1) ORDER BY id');
    await queryRunner.query(
      "INSERT INTO `stream_heads` (stream, position) SELECT 'rating_changes', COUNT(*) FROM `rating_history` ON DUPLICATE KEY UPDATE position = VALUES(position)",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM `stream_heads` WHERE stream = 'rating_changes'");
    await queryRunner.query('ALTER TABLE `rating_history` DROP COLUMN `seq`');
  }
}
