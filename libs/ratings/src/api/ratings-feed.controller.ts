import { Allow, Role } from '@app/auth';
import { Body, Controller, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { writeAll } from '@app/common/http';
import { RatingField } from '../ratings/rating-columns';
import { RatingsReader } from '../ratings/ratings.reader';
import { ratingLine } from './rating-line';
import { ratingsFeedRequest } from './ratings-feed-request';

/** Every field but the explanation: a line without it (see ratingLine). */
const LINE_FIELDS: ReadonlySet<RatingField> = new Set<RatingField>([
  'subjectId', 'creditCode', 'subjectType', 'score', 'grade', 'status', 'hasRecord', 'inspectionFactor', 'keySupervision', 'depositRetention',
  'terminationRecommended', 'notRated', 'investigationHold', 'settlementSuspendedUntil', 'ruleSetVersion', 'computedAt',
]);

/**
 * The budget module's bulk read without GraphQL: `POST /feeds/ratings` with the `ratings` query's arguments as
 * a JSON body (`creditCodes` or `subjectIds`, optional `asOf`, `knownAt`, and `explanation: true` to add each
 * rating's explanation), answered as NDJSON, one rating per key in the order asked, by the same reader and the
 * same validation as the GraphQL query (a bad key is BAD_USER_INPUT with its `index`, before anything is
 * sent). `X-Row-Count` says how many lines follow.
 */
@Controller('feeds/ratings')
export class RatingsFeedController {
  constructor(private readonly reader: RatingsReader) {}

  @Post()
  @Allow(Role.BUDGET)
  async ratings(@Body() body: unknown, @Res() res: Response): Promise<void> {
    const request = ratingsFeedRequest(body);
    const answers = await this.reader.forKeys(request.keys, { fields: request.explanation ? null : LINE_FIELDS });
    res.status(200).set({ 'content-type': 'application/x-ndjson; charset=utf-8', 'x-row-count': String(answers.length), 'cache-control': 'no-store' });
    if (await writeAll(res, answers.map((answer) => ratingLine(answer, request.explanation)))) res.end();
  }
}
