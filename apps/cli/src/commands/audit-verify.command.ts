import { AuditService } from '@app/audit';
import { Command, CommandRunner } from 'nest-commander';
import { out, progressBar } from '../cli-output';

@Command({ name: 'audit:verify', description: 'walk the audit hash chain; exits 1 naming the first bad row' })
export class AuditVerifyCommand extends CommandRunner {
  constructor(private readonly audit: AuditService) {
    super();
  }

  async run(): Promise<void> {
    const bar = progressBar('verifying');
    const result = await this.audit.verify((done, total) => bar.update(done, total));
    bar.stop();
    if (result.ok) {
      out(`audit chain OK: ${result.rows} rows, head seq ${result.head.seq} hash ${result.head.hash}`);
      return;
    }
    out(`audit chain BROKEN at seq ${result.firstBad?.seq}: ${result.firstBad?.problem} (rows before it verify)`);
    process.exitCode = 1;
  }
}
