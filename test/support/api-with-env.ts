import { startApi, TestApi } from './api-app';

/**
 * Starts the API with some settings changed (the configuration is read from the environment when the module
 * is compiled), then puts the environment back so later suites in this worker see the usual settings.
 */
export async function startApiWith(env: Record<string, string | undefined>): Promise<TestApi> {
  const saved: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    saved[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    return await startApi();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
