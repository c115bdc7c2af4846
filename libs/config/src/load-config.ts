import * as dotenv from 'dotenv';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppConfig } from './app-config';
import { configSchema } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Files the local set-up writes (scripts/services.sh and scripts/start.sh), read only when present.
 * Variables already in the environment always win, so production sets everything in its environment.
 */
export function localEnvFiles(root = process.cwd()): string[] {
  const dir = process.env.SERVICES_DATA_DIR ?? resolve(root, '.data');
  return [resolve(dir, 'services.env'), resolve(dir, 'app.env')].filter((f) => existsSync(f));
}

/** Parses and validates the settings; throws ConfigError naming every bad or missing one (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, files: string[] = localEnvFiles()): AppConfig {
  const merged: Record<string, string | undefined> = {};
  for (const f of files) Object.assign(merged, dotenv.config({ path: f, processEnv: {}, quiet: true }).parsed);
  Object.assign(merged, env);
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return new AppConfig(result.data);
}
