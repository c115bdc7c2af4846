import { execFileSync } from 'node:child_process';
import { Browser, chromium } from 'playwright-core';
import { ROOT } from './test-env';

/**
 * Debian's chromium, driven by playwright-core (which downloads no browser of its own), installed by the
 * project's own script when missing. `--no-sandbox`: CI runs as root.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = execFileSync('bash', ['scripts/browser.sh'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}
