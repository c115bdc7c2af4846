import { MigrationInterface, QueryRunner } from 'typeorm';

/** Two facts the rules computed and dropped: the investigation hold flag and the insured's settlement suspension. */
export class AddRatingHoldAndSuspension1796405478153 implements MigrationInterface {
  name = 'AddRatingHoldAndSuspension1796405478153';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['ratings', 'rating_history']) {
      await queryRunner.query(`ALTER TABLE \`${table}\` ADD \`investigation_hold\` tinyint NOT NULL DEFAULT 0, ADD \`settlement_suspended_until\` date NULL`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rating_history', 'ratings']) {
      await queryRunner.query(`ALTER TABLE \`${table}\` DROP COLUMN \`settlement_suspended_until\`, DROP COLUMN \`investigation_hold\``);
    }
  }
}
