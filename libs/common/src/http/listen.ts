import { INestApplication } from '@nestjs/common';

/** Listens, and turns "address in use" into one clear line naming the port and the setting. */
export async function listenOrExplain(app: INestApplication, port: number, host: string, setting: string): Promise<void> {
  try {
    await app.listen(port, host);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      await app.close();
      throw new Error(`port ${port} on ${host} is already in use (another instance running?); set ${setting} to use another`);
    }
    throw e;
  }
}
