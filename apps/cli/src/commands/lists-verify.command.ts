import { ListKind } from '@app/credit';
import { ListLogVerifier } from '@app/lists';
import { Command, CommandRunner, Option } from 'nest-commander';
import { out } from '../cli-output';

interface VerifyFlags {
  list?: ListKind;
}

/**
 * The lists' counterpart of audit:verify: each list's change log replayed against every snapshot stamp handed
 * out, its audit rows, its positions and its entries. One line per list; one line per problem, naming the
 * change (seq, entry) or the range of changes it lies in; exit 1 when any.
 */
@Command({ name: 'lists:verify', description: "check each list's change log against the snapshot stamps handed out, the audit log and the entries; exit 1 naming what differs" })
export class ListsVerifyCommand extends CommandRunner {
  constructor(private readonly verifier: ListLogVerifier) {
    super();
  }

  async run(_: string[], flags: VerifyFlags): Promise<void> {
    let bad = 0;
    for (const list of flags.list ? [flags.list] : Object.values(ListKind)) {
      const r = await this.verifier.verify(list);
      const summary = `seq ${r.headSeq}, ${r.entries} entries, ${r.stampsChecked} stamps checked`;
      if (r.problems.length === 0) {
        out(`${list}: OK (${summary})`);
        continue;
      }
      bad += r.problems.length;
      out(`${list}: ${r.problems.length} problem(s) (${summary})`);
      for (const p of r.problems) out(`  ${p.problem}${p.seq !== null ? ` seq ${p.seq}` : ''}${p.entryId ? ` entry ${p.entryId}` : ''}: ${p.detail}`);
    }
    if (bad > 0) process.exitCode = 1;
  }

  @Option({ flags: '--list <list>', description: `one list: ${Object.values(ListKind).join(', ')}` })
  parseList(value: string): ListKind {
    if (!(Object.values(ListKind) as string[]).includes(value)) throw new Error(`--list must be one of ${Object.values(ListKind).join(', ')}`);
    return value as ListKind;
  }
}
