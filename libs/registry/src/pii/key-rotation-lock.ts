import { DomainError, ErrorCode } from '@app/common';
import { NamedLock } from '@app/database';
import { DataSource } from 'typeorm';

/** Another `keys:rotate` is running: two would race over the same rows for nothing. */
export class KeyRotationBusyError extends DomainError {
  constructor() {
    super(ErrorCode.CONFLICT, 'a resident-ID key rotation is already running; try again later', { reason: 'KEY_ROTATION_RUNNING' });
    this.name = 'KeyRotationBusyError';
  }
}

/** One rotation at a time, across processes (a named lock for the whole run: libs/database NamedLock). */
export const KeyRotationLock = {
  async acquire(dataSource: DataSource): Promise<NamedLock> {
    const lock = await NamedLock.tryAcquire(dataSource, 'key-rotation');
    if (!lock) throw new KeyRotationBusyError();
    return lock;
  },
};
