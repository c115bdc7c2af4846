import { createHash } from 'node:crypto';
import { canonicalize } from '../feeds/canonical';
import { LoggedChange, replayChangeLog } from './replay-change-log';

const entry = (entryId: string, name: string) => ({ entryId, list: 'KEY_SUPERVISION', subjectName: name, status: 'ACTIVE' });
const sha = (...entries: Record<string, unknown>[]) => createHash('sha256').update(entries.map((e) => `${canonicalize(e)}\n`).join(''), 'utf8').digest('hex');

const log: LoggedChange[] = [
  { seq: 1, op: 'ADD', entryId: 'KS02', entry: entry('KS02', '乙') },
  { seq: 2, op: 'ADD', entryId: 'KS01', entry: entry('KS01', '甲') },
  { seq: 3, op: 'MODIFY', entryId: 'KS02', entry: entry('KS02', '乙二') },
  { seq: 4, op: 'REMOVE', entryId: 'KS01', entry: { ...entry('KS01', '甲'), status: 'REMOVED' } },
];
// What the snapshots said at seq 0, 2 and 4 (entryId order).
const stamps = [
  { seq: 0, rowCount: 0, sha256: sha() },
  { seq: 2, rowCount: 2, sha256: sha(entry('KS01', '甲'), entry('KS02', '乙')) },
  { seq: 4, rowCount: 1, sha256: sha(entry('KS02', '乙二')) },
];

describe('replayChangeLog', () => {
  it('reproduces every recorded stamp from an intact log, and the head with each entry\'s last change', () => {
    const r = replayChangeLog(log, stamps);
    expect(r.badStamps).toEqual([]);
    expect(r.stampsChecked).toBe(3);
    expect(r.headSeq).toBe(4);
    expect([...r.head.entries()]).toEqual([['KS02', { line: `${canonicalize(entry('KS02', '乙二'))}\n`, seq: 3 }]]);
  });

  it('an altered change fails the stamps from its position on, naming the range it lies in', () => {
    const altered = log.map((c) => (c.seq === 2 ? { ...c, entry: entry('KS01', '丙') } : c));
    const r = replayChangeLog(altered, stamps);
    expect(r.badStamps.map((b) => [b.seq, b.suspectSeqs])).toEqual([[2, { after: 0, upTo: 2 }]]);
    expect(r.badStamps[0]).toMatchObject({ rowCount: 2, replayedRowCount: 2 });
    expect(r.badStamps[0].replayedSha256).not.toBe(stamps[1].sha256);
  });

  it('a deleted change row changes the row count at the later stamps', () => {
    const r = replayChangeLog(log.filter((c) => c.seq !== 4), stamps);
    expect(r.badStamps.map((b) => [b.seq, b.rowCount, b.replayedRowCount, b.suspectSeqs])).toEqual([[4, 1, 2, { after: 2, upTo: 4 }]]);
  });
});
