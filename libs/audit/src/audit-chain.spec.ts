import { AuditContent, auditHash, findChainBreak, GENESIS_HASH } from './audit-chain';

function chain(n: number): (AuditContent & { prevHash: string; hash: string })[] {
  const rows: (AuditContent & { prevHash: string; hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content: AuditContent = {
      seq: String(i),
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      actor: 'cli',
      action: 'apikey.create',
      targetType: 'api_key',
      targetId: String(i),
      diff: { role: 'BUDGET', n: i },
    };
    const hash = auditHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}
const START = { seq: 0n, hash: GENESIS_HASH };

describe('audit chain', () => {
  it('accepts an intact chain and reports its head', () => {
    const rows = chain(5);
    const r = findChainBreak(rows, START);
    expect(r.break).toBeNull();
    expect(r.last).toEqual({ seq: 5n, hash: rows[4].hash });
  });

  it('hash depends on every field and on the previous hash', () => {
    const [row] = chain(1);
    const base = auditHash(row.prevHash, row);
    expect(auditHash('f'.repeat(64), row)).not.toBe(base);
    for (const change of [{ actor: 'x' }, { action: 'x' }, { targetId: '9' }, { diff: { role: 'NDRC', n: 1 } }, { at: new Date(0) }]) {
      expect(auditHash(row.prevHash, { ...row, ...change })).not.toBe(base);
    }
  });

  it.each([
    ['an edited diff', (rows: ReturnType<typeof chain>) => { rows[2].diff = { role: 'REGULATOR' }; }, '3', 'HASH_MISMATCH'],
    ['an edited actor', (rows: ReturnType<typeof chain>) => { rows[3].actor = 'someone'; }, '4', 'HASH_MISMATCH'],
    ['a deleted row', (rows: ReturnType<typeof chain>) => { rows.splice(1, 1); }, '3', 'SEQ_GAP'],
    ['a re-hashed forgery', (rows: ReturnType<typeof chain>) => {
      rows[1].diff = { forged: true };
      rows[1].hash = auditHash(rows[1].prevHash, rows[1]);
    }, '3', 'PREV_HASH_MISMATCH'],
  ])('names the first bad row after %s', (_label, tamper, seq, problem) => {
    const rows = chain(5);
    tamper(rows);
    expect(findChainBreak(rows, START).break).toEqual({ seq, problem });
  });
});
