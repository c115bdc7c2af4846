import { Allow, Role } from '@app/auth';
import { Body, Controller, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';
import { RatingField } from '../ratings/rating-columns';
import { RatingsReader } from '../ratings/ratings.reader';
import { ratingLine } from './rating-line';
import { ratingsFeedRequest } from './ratings-feed-request';

/** Every field but the explanation: a line without it (see ratingLine). */
const LINE_FIELDS: ReadonlySet<RatingField> = new Set<RatingField>([
  'subjectId', 'creditCode', 'subjectType', 'score', 'grade', 'status', 'hasRecord', 'inspectionFactor', 'keySupervision', 'depositRetention',
  'terminationRecommended', 'notRated', 'investigationHold', 'settlementSuspendedUntil', 'ruleSetVersion', 'computedAt',
]);

/** Bytes gathered before one socket write: 10,000 lines go out in a few dozen writes, not 10,000. */
const WRITE_BATCH = 64 * 1024;

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
    let buffer = '';
    for (const answer of answers) {
      buffer += ratingLine(answer, request.explanation);
      if (buffer.length >= WRITE_BATCH) {
        if (!(await write(res, buffer))) return;
        buffer = '';
      }
    }
    if (buffer.length === 0 || (await write(res, buffer))) res.end();
  }
}

/** Writes with back-pressure; false once the consumer has gone (then no 'drain' ever comes: stop). */
async function write(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return false;
  if (res.write(chunk)) return true;
  const controller = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: controller.signal }), once(res, 'close', { signal: controller.signal })]);
  } finally {
    controller.abort();
  }
  return !res.destroyed;
}
