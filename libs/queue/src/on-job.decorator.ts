import { SetMetadata } from '@nestjs/common';
import { JobRef } from './job-catalogue';

export const ON_JOB_KEY = 'yibao:on-job';

/** Marks the method that handles one job of the catalogue. */
export const OnJob = (job: JobRef): MethodDecorator => SetMetadata(ON_JOB_KEY, job);
