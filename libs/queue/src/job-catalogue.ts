/**
 * Every queue and job name the service uses. The worker refuses to boot unless each job here has exactly one
 * handler and no handler names a job missing here (JobRegistry), so a renamed job cannot silently pile up.
 */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  auditVerify: { queue: QUEUES.maintenance, name: 'audit-verify' },
} as const satisfies Record<string, { queue: QueueName; name: string }>;
export type JobRef = (typeof JOBS)[keyof typeof JOBS];

/** Named retry and retention policies (BullMQ delivers at least once; handlers are idempotent). */
export const JOB_OPTIONS = {
  default: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
  },
} as const;

/** Periodic jobs, registered by `npm run cli -- schedules:register` with stable scheduler ids. */
export const SCHEDULES = [
  { id: 'audit-verify-nightly', job: JOBS.auditVerify, pattern: '30 2 * * *', tz: 'Asia/Shanghai' },
] as const;
