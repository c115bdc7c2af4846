import { loadConfig } from '@app/config';
import { makeCreditCode } from '@app/credit';
import { typeOrmOptions } from '@app/database';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { resetDatabase } from '../support/database';
import { cli } from '../support/cli';


let ds: DataSource;
const count = async (table: string): Promise<number> => Number((await ds.query(`SELECT COUNT(*) AS n FROM \`${table}\``))[0].n);
const hospital = makeCreditCode('12120000401234567');
const dir = mkdtempSync(join(tmpdir(), 'import-'));

beforeAll(async () => {
  ds = new DataSource(typeOrmOptions(loadConfig()));
  await ds.initialize();
});
beforeEach(async () => {
  await resetDatabase(ds);
  await ds.query(
    `INSERT INTO subjects (type, name, credit_code, profession_key, created_at) VALUES ('MEDICAL_INSTITUTION', '天津市测试医院', ?, '', NOW(3))`,
    [hospital],
  );
});
afterAll(() => ds.destroy());

describe('npm run cli -- import:events FILE.csv', () => {
  // UTF-8 with a BOM and Windows line ends, a quoted cell with a comma, and one bad row of each kind.
  const rows = [
    'sourceSystem,sourceRef,creditCode,type,occurredOn,decidedOn,fineMultiple,amountInvolvedFen,fineFen,selfReported,decisionNo',
    `tj-case,ok-1,${hospital},PENALTY_ART38,2026-01-05,2026-02-01,1.5,1000000,1500000,否,"津医保罚〔2026〕1号, 附件"`,
    `tj-case,ok-2,${hospital},INTERVIEW,2026-01-05,2026-02-01,,,,,`,
    `tj-case,bad-code,${hospital.slice(0, 17)}0,INTERVIEW,2026-01-05,2026-02-01,,,,,`,
    `tj-case,bad-amount,${hospital},PAYMENT_DENIED,2026-01-05,2026-02-01,,12.50,,,`,
    `tj-case,bad-date,${hospital},INTERVIEW,2026-02-30,2026-03-01,,,,,`,
    `tj-case,short-row,${hospital}`,
    `tj-case,bad-type,${hospital},FINE,2026-01-05,2026-02-01,,,,,`,
    `tj-case,no-subject,${makeCreditCode('91120000MA0000001')},INTERVIEW,2026-01-05,2026-02-01,,,,,`,
    '',
  ];

  it('loads the valid rows, reports each rejected one with line, field and reason, and adds nothing on a re-run', async () => {
    const file = join(dir, 'events.csv');
    writeFileSync(file, '\uFEFF' + rows.join('\r\n'), 'utf8');
    const first = cli('import:events', file);
    expect(first.stdout).toContain('rows 8, created 2, duplicates 0, rejected 6');
    expect(first.stdout).toContain(`rejected rows report: ${file}.rejected.csv`);
    expect(first.status).toBe(3); // some rows were rejected: scripts can tell
    expect(await count('events')).toBe(2);
    expect(await count('outbox')).toBe(1); // one subject, one batch
    const report = readFileSync(`${file}.rejected.csv`, 'utf8').trimEnd().split('\n');
    expect(report[0]).toBe('line,sourceSystem,sourceRef,field,reason,message');
    expect(report.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      '4,tj-case,bad-code,creditCode,INVALID_CREDIT_CODE',
      '5,tj-case,bad-amount,amountInvolvedFen,INVALID_AMOUNT',
      '6,tj-case,bad-date,occurredOn,INVALID_DATE',
      '7,tj-case,short-row,type,MISSING_COLUMN',
      '8,tj-case,bad-type,type,UNKNOWN_EVENT_TYPE',
      '9,tj-case,no-subject,creditCode,UNKNOWN_SUBJECT',
    ]);
    const decision = await ds.query(`SELECT decision_no, fine_multiple, fine_fen, self_reported FROM events WHERE source_ref = 'ok-1'`);
    expect(decision[0]).toMatchObject({ decision_no: '津医保罚〔2026〕1号, 附件', fine_fen: '1500000', self_reported: 0 });

    const again = cli('import:events', file);
    expect(again.stdout).toContain('rows 8, created 0, duplicates 2, rejected 6');
    expect(await count('events')).toBe(2);
    expect(await count('outbox')).toBe(1);
  });

  it('writes and announces no report when nothing is rejected, and leaves an earlier run\'s report alone', async () => {
    const file = join(dir, 'clean.csv');
    writeFileSync(file, [rows[0], rows[1], rows[2], ''].join('\n'), 'utf8');
    const first = cli('import:events', file);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('rows 2, created 2, duplicates 0, rejected 0\n');
    expect(existsSync(`${file}.rejected.csv`)).toBe(false);

    const earlier = 'line,sourceSystem,sourceRef,field,reason,message\n2,tj-case,old,type,UNKNOWN_EVENT_TYPE,from an earlier run\n';
    writeFileSync(`${file}.rejected.csv`, earlier);
    const again = cli('import:events', file);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('rows 2, created 0, duplicates 2, rejected 0\n');
    expect(again.stderr).toContain(`no rows rejected; ${file}.rejected.csv is an earlier run's report (left as it was)`);
    expect(readFileSync(`${file}.rejected.csv`, 'utf8')).toBe(earlier);
  });

  it('refuses a file whose header lacks a required column, storing nothing (exit 2)', async () => {
    const file = join(dir, 'no-dates.csv');
    writeFileSync(file, `sourceSystem,sourceRef,creditCode,type\ntj-case,x,${hospital},INTERVIEW\n`);
    const r = cli('import:events', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/BAD_USER_INPUT: .*occurredOn/);
    expect(await count('events')).toBe(0);
  });
});

describe('npm run cli -- demo:seed', () => {
  it('loads a seeded data set through the service path, and --if-empty leaves a filled database alone', async () => {
    await resetDatabase(ds);
    const r = cli('demo:seed', '--scale', '0.05', '--seed', '7');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^demo data: 60 subjects, 150 new events .*, 60 subjects rated, \d+ list changes, \d+ export changes$/m);
    // The demo's subjects are on their lists and in the export already: a refresh of everyone changes nothing.
    expect(await count('list_entries')).toBeGreaterThan(0);
    const refreshed = cli('lists:refresh', '--all');
    expect(refreshed.status).toBe(0);
    expect(refreshed.stdout).toMatch(/^lists refreshed: 60 subjects, 0 list changes, 0 export changes$/m);
    // Every subject is rated when the seed ends: the grade filter finds them all.
    expect(await count('ratings')).toBe(60);
    const types = await ds.query('SELECT type, COUNT(*) AS n FROM subjects GROUP BY type ORDER BY type');
    expect(types.map((t: { type: string }) => t.type)).toEqual(['INSURED_PERSON', 'MEDICAL_INSTITUTION', 'PHARMACY', 'PRACTITIONER']);
    expect(await count('events')).toBe(150);
    expect(await count('outbox')).toBeGreaterThan(0);
    expect(Number((await ds.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'events.record'`))[0].n)).toBe(1);
    const rescored = cli('rescore', '--all', '--chunk-size', '25');
    expect(rescored.status).toBe(0);
    expect(rescored.stdout).toMatch(/^full rescore run \d+: 60 subjects, 0 ratings changed$/m);
    expect(await count('ratings')).toBe(60);
    // While another full rescore holds the lock, a second one refuses with its own exit code and writes nothing.
    const lockName = `LEFT(CONCAT('yibao:full-rescore:', DATABASE()), 64)`;
    const runs = Number((await ds.query('SELECT COUNT(*) AS n FROM full_rescore_runs'))[0].n);
    const holder = ds.createQueryRunner();
    await holder.connect();
    try {
      expect(await holder.query(`SELECT GET_LOCK(${lockName}, 0) AS got`)).toEqual([{ got: 1 }]);
      const busy = cli('rescore', '--all');
      expect(busy.status).toBe(4);
      expect(busy.stderr).toMatch(/^error: a full rescore is already running \(.+\); try again later$/m);
      expect(Number((await ds.query('SELECT COUNT(*) AS n FROM full_rescore_runs'))[0].n)).toBe(runs);
    } finally {
      await holder.query(`DO RELEASE_LOCK(${lockName})`);
      await holder.release();
    }
    const skipped = cli('demo:seed', '--if-empty');
    expect(skipped.status).toBe(0);
    expect(skipped.stderr).toContain('nothing loaded');
    expect(await count('events')).toBe(150);
  });
});
