import { assessPractitioner, PractitionerAssessment, shanghaiDate, SubjectType } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RuleSetsService } from '../rule-sets/rule-sets.service';
import { readCreditEventsOf } from './subject-events.reader';

export interface PointsKey {
  subjectId: string;
  year: number;
}

/**
 * A practitioner's points in a natural year, with status and suspension and bar dates (domain.md §4),
 * computed from the stored events by libs/credit on demand: a past year as it stood on its 31 December,
 * the current year as of today. One events query for any number of practitioners.
 */
@Injectable()
export class PointsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
  ) {}

  async forKeys(keys: readonly PointsKey[], today = shanghaiDate(new Date())): Promise<(PractitionerAssessment | null)[]> {
    const ids = [...new Set(keys.map((k) => k.subjectId))];
    const practitioners = new Set<string>(
      (await this.dataSource.query('SELECT id FROM subjects WHERE id IN (?) AND type = ?', [ids, SubjectType.PRACTITIONER])).map(
        (r: { id: string | number }) => String(r.id),
      ),
    );
    const events = await readCreditEventsOf(this.dataSource.manager, [...practitioners]);
    const ruleSet = await this.ruleSets.inForce(SubjectType.PRACTITIONER, today);
    return keys.map((k) =>
      practitioners.has(k.subjectId) ? assessPractitioner({ ruleSet, events: events.get(k.subjectId) ?? [], asOf: today, year: k.year }) : null,
    );
  }
}
