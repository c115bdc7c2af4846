import { SingleBar } from 'cli-progress';

/**
 * Commands print results on stdout (machine-readable, e.g. a new key alone on the last line) and
 * everything else on stderr, so `KEY=$(npm run -s cli -- apikey:create ...)` captures only the key.
 */
export const out = (line: string): void => void process.stdout.write(`${line}\n`);
export const info = (line: string): void => void process.stderr.write(`${line}\n`);

/** A progress bar on a terminal; silent when stderr is not one (CI, pipes). */
export function progressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} eta {eta}s`, stream: process.stderr, hideCursor: true });
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

/** The audit actor for operator commands: the OS user, which is what an operator can be held to. */
export function cliActor(): string {
  return `cli:${process.env.SUDO_USER ?? process.env.USER ?? 'unknown'}`;
}
