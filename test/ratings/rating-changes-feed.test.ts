import { makeCreditCode } from '@app/credit';
import { FullRescoreService, RatingChangesReader, RescoreService } from '@app/ratings';
import { EventsService, SubjectsService } from '@app/registry';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AuditModule } from '@app/audit';
import { RatingsModule } from '@app/ratings';
import { RegistryModule } from '@app/registry';
import { resetDatabase } from '../support/database';

let app: INestApplicationContext;
let ds: DataSource;

beforeAll(async () => {
  const ref = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, AuditModule, RegistryModule, RatingsModule] }).compile();
  app = await ref.init();
  ds = app.get(DataSource);
  await resetDatabase(ds);
});
afterAll(() => app.close());

const SUBJECTS = 400;
const codes = Array.from({ length: SUBJECTS }, (_, i) => makeCreditCode(`1212000041${String(i).padStart(7, '0')}`));

/** Follows the feed page by page from the start, like a budget-side cache, until told to stop and caught up. */
async function follow(reader: RatingChangesReader, stop: () => boolean): Promise<number[]> {
  const seen: number[] = [];
  let after: string | null = null;
  for (;;) {
    const done = stop(); // read before the page: a page read after the writers finished sees everything
    const page = await reader.page(after, 17);
    seen.push(...page.nodes.map((n) => Number(n.seq)));
    if (page.pageInfo.endCursor) after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage && done) return seen;
    if (!page.pageInfo.hasNextPage) await new Promise((r) => setTimeout(r, 2));
  }
}

describe('ratingChanges follows commit order and never skips a change', () => {
  it('a reader paging while four rescore writers and a full rescore write sees every change once, positions without gaps', async () => {
    const subjects = await app.get(SubjectsService).register(
      codes.map((creditCode, i) => ({ type: 'MEDICAL_INSTITUTION', name: `并发医院${i}`, creditCode, agreementSignedOn: '2015-01-01' })),
      'test',
    );
    const ids = subjects.map((s) => s.id);
    const events = app.get(EventsService);
    await events.record(
      codes.map((creditCode, i) => ({ sourceSystem: 'feed', sourceRef: `p-${i}`, creditCode, type: 'PENALTY_ART38', fineMultiple: 1, occurredOn: '2026-01-05', decidedOn: '2026-02-01' })),
      'test',
    );
    const rescore = app.get(RescoreService);
    let writing = true;
    const reader = follow(app.get(RatingChangesReader), () => !writing);
    // Four incremental writers over the first half (each subject twice: once before and once after a new
    // event), and a full rescore in chunks of 50 over everyone at the same time.
    const half = ids.slice(0, SUBJECTS / 2);
    const writers = [0, 1, 2, 3].map(async (w) => {
      for (let i = w; i < half.length; i += 4) {
        await rescore.rescore(half[i]);
        await events.record([{ sourceSystem: 'feed', sourceRef: `i-${i}`, subjectId: half[i], type: 'INTERVIEW', occurredOn: '2026-03-01', decidedOn: '2026-03-02' }], 'test');
        await rescore.rescore(half[i]);
      }
    });
    const full = app.get(FullRescoreService).run({ chunkSize: 50 });
    await Promise.all([...writers, full]);
    writing = false;
    const seen = await reader;

    const final: { seq: string | number }[] = await ds.query('SELECT seq FROM rating_history ORDER BY seq');
    const all = final.map((r) => Number(r.seq));
    expect(all.length).toBeGreaterThanOrEqual(SUBJECTS + half.length);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1)); // gap-free from 1
    expect(seen).toEqual(all); // every change, once, in order: nothing skipped while writers committed out of order
  });
});
