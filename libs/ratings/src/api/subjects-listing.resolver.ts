import { Allow, Role } from '@app/auth';
import { Page } from '@app/common';
import { Subject, SubjectsReader } from '@app/registry';
import { SubjectConnection } from '@app/registry/api/subject-connection.type';
import { SubjectType } from '@app/registry/api/registry-enums';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Grade } from './rating-enums';

/**
 * `subjects(type, regionCode, grade, first, after)`: the registry's keyset listing, narrowed by the current grade.
 * It lives on the ratings side because the grade is a rating: ratings read the registry, never the other way.
 */
@Resolver(() => SubjectConnection)
export class SubjectsListingResolver {
  constructor(private readonly reader: SubjectsReader) {}

  @Query(() => SubjectConnection, { name: 'subjects', description: 'Subjects in registration order, filtered by type, region and current grade.' })
  @Allow(Role.REGULATOR, Role.AUDITOR)
  subjects(
    @Args('type', { type: () => SubjectType, nullable: true }) type?: SubjectType,
    @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('grade', { type: () => Grade, nullable: true }) grade?: Grade,
  ): Promise<Page<Subject>> {
    const filter = { type, regionCode, first, after };
    const qb = this.reader.pageQuery(filter);
    // Every registered subject has a rating from registration on (queued), so the join leaves out only those
    // whose first rating is still in the queue.
    if (grade) qb.innerJoin('ratings', 'r', 'r.subject_id = s.id AND r.grade = :grade', { grade });
    return this.reader.pageOf(qb, filter);
  }
}
