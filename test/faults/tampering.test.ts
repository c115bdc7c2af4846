import { FaultStack } from './support/fault-stack';

/**
 * R4 (quality.md): one audit row altered in the database → `audit:verify` names it; one list change row altered
 * → the change log no longer gives the snapshot stamp handed out for that position, and `lists:verify` says
 * which change. What an attacker with DBA rights would do: lift the append-only trigger, change the row, put
 * the trigger back. Putting the original value back makes both checks pass again (they read nothing else).
 */
let stack: FaultStack;
let ndrc: string;
const LISTS = ['SEVERE_DISHONESTY', 'GOOD_CONDUCT', 'KEY_SUPERVISION'];

beforeAll(async () => {
  stack = await FaultStack.start('r4');
  const seeded = stack.cli('demo:seed', '--scale', '0.3', '--seed', '11');
  if (seeded.status !== 0) throw new Error(`demo:seed failed: ${seeded.stderr}`);
  ndrc = stack.apiKey('NDRC');
  await stack.spawn('api');
  // The commission pulls every list once: each snapshot's stamp is recorded at the list's position.
  for (const list of LISTS) {
    const res = await fetch(`http://127.0.0.1:${stack.ports.api}/feeds/lists/${list}/snapshot`, { headers: { authorization: `Bearer ${ndrc}` } });
    expect(res.status).toBe(200);
    await res.text();
  }
});
afterAll(() => stack?.stop());

/** Lifts the table's append-only trigger for one statement and puts it back, as tamper() in test/support does. */
async function tamper(table: 'audit_log' | 'list_changes', sql: string, params: unknown[]): Promise<void> {
  await stack.query(`DROP TRIGGER ${table}_no_update`);
  try {
    await stack.query(sql, params);
  } finally {
    const message = table === 'audit_log' ? 'audit_log is append-only' : 'list_changes is append-only';
    await stack.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${message}'`);
  }
}

describe('R4: tampering with the audit log and the list change log is named', () => {
  it('audit:verify names the one altered audit row', async () => {
    expect(stack.cli('audit:verify')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^audit chain OK: \d+ rows/) });
    const [{ n }] = await stack.query('SELECT COUNT(*) AS n FROM audit_log');
    const seq = Math.floor(Number(n) / 2);
    const [row] = await stack.query('SELECT action FROM audit_log WHERE seq = ?', [seq]);
    await tamper('audit_log', 'UPDATE audit_log SET action = ? WHERE seq = ?', ['forged', seq]);
    const broken = stack.cli('audit:verify');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`audit chain BROKEN at seq ${seq}: HASH_MISMATCH`);
    await tamper('audit_log', 'UPDATE audit_log SET action = ? WHERE seq = ?', [row.action, seq]);
    expect(stack.cli('audit:verify').status).toBe(0);
  });

  it('lists:verify: an altered change breaks the recorded stamp, and the change is named by seq and entry', async () => {
    const clean = stack.cli('lists:verify');
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
    for (const list of LISTS) expect(clean.stdout).toMatch(new RegExp(`^${list}: OK \\(seq \\d+, \\d+ entries, 1 stamps checked\\)$`, 'm'));

    // The latest change of an entry still on the key-supervision list: its content, then its operation.
    const [target] = await stack.query(
      `SELECT c.id, c.seq, c.entry_id, c.op, CAST(c.entry AS CHAR) AS entry FROM list_changes c JOIN list_entries e ON e.entry_id = c.entry_id AND e.status = 'ACTIVE'
        WHERE c.list = 'KEY_SUPERVISION' ORDER BY c.seq DESC LIMIT 1`,
    );
    expect(target).toBeDefined();
    const [stamp] = await stack.query(`SELECT seq FROM list_snapshot_stamps WHERE list = 'KEY_SUPERVISION'`);
    await tamper('list_changes', `UPDATE list_changes SET entry = JSON_SET(entry, '$.subjectName', '伪造医院') WHERE id = ?`, [target.id]);
    const altered = stack.cli('lists:verify');
    expect(altered.status).toBe(1);
    expect(altered.stdout).toMatch(/^SEVERE_DISHONESTY: OK/m);
    expect(altered.stdout).toMatch(/^KEY_SUPERVISION: 2 problem\(s\)/m);
    expect(altered.stdout).toContain(`STAMP_MISMATCH seq ${stamp.seq}: the stamp handed out at seq ${stamp.seq}`);
    expect(altered.stdout).toContain(`ENTRY_MISMATCH seq ${target.seq} entry ${target.entry_id}: entry ${target.entry_id} as its last change (seq ${target.seq}) states it differs from the list`);
    // The snapshot a consumer pulls now (from the entries) still carries the recorded stamp; the log no longer gives it.
    const head = await fetch(`http://127.0.0.1:${stack.ports.api}/feeds/lists/KEY_SUPERVISION/snapshot`, { method: 'HEAD', headers: { authorization: `Bearer ${ndrc}` } });
    expect(head.headers.get('x-list-seq')).toBe(String(stamp.seq));
    await tamper('list_changes', 'UPDATE list_changes SET entry = ? WHERE id = ?', [target.entry, target.id]);

    const otherOp = target.op === 'ADD' ? 'MODIFY' : 'ADD';
    await tamper('list_changes', 'UPDATE list_changes SET op = ? WHERE id = ?', [otherOp, target.id]);
    const relabelled = stack.cli('lists:verify', '--list', 'KEY_SUPERVISION');
    expect(relabelled.status).toBe(1);
    expect(relabelled.stdout).toContain(`AUDIT_MISMATCH seq ${target.seq} entry ${target.entry_id}: change seq ${target.seq} (entry ${target.entry_id}): audit row`);
    await tamper('list_changes', 'UPDATE list_changes SET op = ? WHERE id = ?', [target.op, target.id]);
    expect(stack.cli('lists:verify').status).toBe(0);
  });
});
