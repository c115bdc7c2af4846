import { DomainError } from '@app/common';
import { addDays, NormalizedSubjectItem, SubjectType } from '@app/credit';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Employment } from './employment.entity';
import { SubjectDirectory } from './subject-directory';
import { isOrganisationType } from './subject-key';
import { Subject } from './subject.entity';

export interface EmploymentClaim {
  index: number;
  item: NormalizedSubjectItem;
  practitioner: Subject;
}

/**
 * Keeps practitioners' employment histories: naming an employer that differs from the open employment
 * closes it the day before the new one starts and opens the new one; naming the same employer changes nothing.
 */
@Injectable()
export class EmploymentsWriter {
  constructor(private readonly directory: SubjectDirectory) {}

  /** Returns how many employments were opened. */
  async apply(em: EntityManager, claims: EmploymentClaim[], today: string): Promise<number> {
    const wanted = claims.filter((c) => c.item.type === SubjectType.PRACTITIONER && c.item.institutionCreditCode);
    if (wanted.length === 0) return 0;
    const employers = await this.employers(em, wanted);
    const open = await em.getRepository(Employment).find({
      where: { practitionerId: In([...new Set(wanted.map((c) => c.practitioner.id))]), toDate: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    const openBy = new Map(open.map((e) => [e.practitionerId, e]));
    let opened = 0;
    for (const claim of wanted) {
      const institutionId = employers.get(claim.item.institutionCreditCode!)!.id;
      const current = openBy.get(claim.practitioner.id);
      if (current?.institutionId === institutionId) continue;
      const fromDate = claim.item.employedFrom ?? today;
      if (current) await this.close(em, claim, current, fromDate);
      const next = em.getRepository(Employment).create({ practitionerId: claim.practitioner.id, institutionId, fromDate, toDate: null });
      await em.getRepository(Employment).insert(next);
      openBy.set(claim.practitioner.id, next);
      opened++;
    }
    return opened;
  }

  private async employers(em: EntityManager, claims: EmploymentClaim[]): Promise<Map<string, Subject>> {
    const codes = claims.map((c) => c.item.institutionCreditCode!);
    const found = new Map((await this.directory.find(em, { creditCodes: codes })).map((s) => [s.creditCode!, s]));
    for (const c of claims) {
      const employer = found.get(c.item.institutionCreditCode!);
      if (!employer) {
        throw DomainError.badInput(`item ${c.index}: institutionCreditCode names no registered institution or pharmacy`, {
          index: c.index,
          field: 'institutionCreditCode',
          reason: 'UNKNOWN_SUBJECT',
        });
      }
      if (!isOrganisationType(employer.type)) {
        throw DomainError.badInput(`item ${c.index}: institutionCreditCode names no institution or pharmacy`, {
          index: c.index,
          field: 'institutionCreditCode',
          reason: 'SUBJECT_TYPE_MISMATCH',
        });
      }
    }
    return found;
  }

  private async close(em: EntityManager, claim: EmploymentClaim, current: Employment, fromDate: string): Promise<void> {
    if (fromDate <= current.fromDate) {
      throw DomainError.badInput(`item ${claim.index}: employedFrom must be after the start of the current employment`, {
        index: claim.index,
        field: 'employedFrom',
        reason: 'INVALID_DATE',
      });
    }
    await em.getRepository(Employment).update({ id: current.id }, { toDate: addDays(fromDate, -1) });
  }
}
