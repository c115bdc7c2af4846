import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * events (subject_id, type): a subject's events of one type without reading all its events. The disclosure
 * job asks for each month's penalty decisions whether the subject has a confirmed police referral (a lookup
 * per decision, nearly always empty), which through ix_events_subject fetched every event of the subject
 * and was most of that statement's server time. Online (InnoDB builds a secondary index without blocking
 * writes); down() drops it.
 */
export class AddEventsSubjectTypeIndex1796424471688 implements MigrationInterface {
  name = 'AddEventsSubjectTypeIndex1796424471688';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `ix_events_subject_type` ON `events` (`subject_id`, `type`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `ix_events_subject_type` ON `events`');
  }
}
