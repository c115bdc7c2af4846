/**
 * Every queue and job name the service uses. The worker refuses to boot unless each job here has exactly one
 * handler and no handler names a job missing here (JobRegistry), so a renamed job cannot silently pile up.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  rescore: 'rescore',
  /** Long comparisons of a candidate rule set: a queue of their own, so they never hold up rescores. */
  previews: 'previews',
  /** The lists' own periodic work (expiries, time-bound criteria). */
  lists: 'lists',
  /** Webhook deliveries of list changes: a queue of their own, so a slow receiver never holds up other work. */
  webhooks: 'webhooks',
  /** Public disclosures (domain.md §6): one job per kind, period and region. */
  disclosures: 'disclosures',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  auditVerify: { queue: QUEUES.maintenance, name: 'audit-verify' },
  /** One subject's rating is stale: data `{ subjectId }`, job id `subject-<id>` (fed by the outbox relay). */
  rescoreSubject: { queue: QUEUES.rescore, name: 'rescore-subject' },
  /** Every subject, in resumable chunks (nightly, and `npm run cli -- rescore --all`). */
  rescoreAll: { queue: QUEUES.rescore, name: 'rescore-all' },
  /** A queued rule-set preview: data `{ previewId }`, job id `rule-set-preview-<id>` (fed by the outbox relay). */
  ruleSetPreview: { queue: QUEUES.previews, name: 'rule-set-preview' },
  /** Daily: what time alone changes on the lists (publication periods ending, the good-conduct window). */
  listsDaily: { queue: QUEUES.lists, name: 'lists-daily' },
  /**
   * One webhook subscription is behind its list's head: data `{ subscriptionId }`, job id `webhook-<id>` (fed
   * by the worker's WebhookDispatcher). Delivers the pending batches in seq order.
   */
  webhookDelivery: { queue: QUEUES.webhooks, name: 'webhook-delivery' },
  /** Daily: exported penalties whose publication period (CF_GSJZQ) ended are withdrawn (公示期满). */
  penaltyExportDaily: { queue: QUEUES.lists, name: 'penalty-export-daily' },
  /**
   * Builds one disclosure: data `{ kind, period?, regionCode? }` (no period: the last whole period of the kind's
   * cadence before the run's day in Shanghai, as the schedules send), job id `disclosure:KIND:PERIOD[@REGION]`.
   * Idempotent: an unchanged content returns the existing version.
   */
  disclosureGenerate: { queue: QUEUES.disclosures, name: 'disclosure-generate' },
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
  /**
   * The job id is the subject, so a burst of events for one subject coalesces into one waiting job. BullMQ
   * ignores an add whose id still exists in any state, so finished jobs must not linger: a kept completed
   * job would swallow the subject's next rescore. A job that failed every attempt is logged and dropped;
   * the subject stays marked in rescore_due, and the relay's sweep (or the nightly full rescore) picks it up.
   */
  rescore: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
  /**
   * The job id is the preview's, and the job resumes from the preview's checkpoint, so a retry redoes at most
   * one chunk. After the last attempt the preview is marked FAILED with the reason. A completed job is removed
   * at once: a second delivery of the same preview then runs and finds it DONE, instead of being swallowed.
   */
  ruleSetPreview: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
  },
  /**
   * The job id is the subscription's, so at most one delivery of a subscription exists at a time (BullMQ drops
   * an add while the id exists). A failed HTTP delivery is not a failed job: it is recorded on the subscription,
   * whose next_attempt_at carries the exponential backoff, and the dispatcher queues it again when due. A job
   * fails only on an internal error (database away); it is then dropped and the dispatcher's next poll re-adds
   * it. Completed and failed jobs are removed at once, or they would swallow the subscription's next add.
   */
  /**
   * The job id is the business key (`disclosure:KIND:PERIOD[@REGION]`): while one run of a disclosure waits or
   * runs, a second add is the same job. Removed when done, so the next add (a re-run) is a new job; the run is
   * idempotent (an unchanged content hash returns the existing version).
   */
  disclosure: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
  },
  webhookDelivery: {
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: true,
  },
} as const;

/** Periodic jobs, registered by `npm run cli -- schedules:register` with stable scheduler ids. */
export const SCHEDULES = [
  { id: 'audit-verify-nightly', job: JOBS.auditVerify, pattern: '30 2 * * *', tz: 'Asia/Shanghai' },
  // Just after midnight in Shanghai: the day's expiries take effect before the working day starts.
  { id: 'rescore-all-nightly', job: JOBS.rescoreAll, pattern: '10 0 * * *', tz: 'Asia/Shanghai' },
  // After the nightly rescore has had time to move grades; entries expire on the first day after their end.
  { id: 'lists-daily', job: JOBS.listsDaily, pattern: '40 0 * * *', tz: 'Asia/Shanghai' },
  // Publication periods end on CF_GSJZQ: withdrawn on the first day after, before the working day starts.
  { id: 'penalty-export-daily', job: JOBS.penaltyExportDaily, pattern: '50 0 * * *', tz: 'Asia/Shanghai' },
  // Disclosures of the last whole period, after the night's rescore and list work: monthly kinds on the 1st,
  // TYPICAL_CASES on the 1st of each quarter, SUPERVISION_SUMMARY on 1 January and 1 July.
  { id: 'disclosure-penalty-notice-monthly', job: JOBS.disclosureGenerate, pattern: '0 2 1 * *', tz: 'Asia/Shanghai', data: { kind: 'PENALTY_NOTICE' } },
  // Penalties are due within 20 working days of becoming final: the current month's notice is rebuilt every
  // Monday too (a new version only when a decision was added; published by review or DISCLOSURE_AUTO_PUBLISH).
  { id: 'disclosure-penalty-notice-weekly', job: JOBS.disclosureGenerate, pattern: '0 3 * * 1', tz: 'Asia/Shanghai', data: { kind: 'PENALTY_NOTICE', current: true } },
  { id: 'disclosure-terminated-institutions-monthly', job: JOBS.disclosureGenerate, pattern: '10 2 1 * *', tz: 'Asia/Shanghai', data: { kind: 'TERMINATED_INSTITUTIONS' } },
  { id: 'disclosure-list-publication-monthly', job: JOBS.disclosureGenerate, pattern: '20 2 1 * *', tz: 'Asia/Shanghai', data: { kind: 'LIST_PUBLICATION' } },
  { id: 'disclosure-typical-cases-quarterly', job: JOBS.disclosureGenerate, pattern: '30 2 1 1,4,7,10 *', tz: 'Asia/Shanghai', data: { kind: 'TYPICAL_CASES' } },
  { id: 'disclosure-supervision-summary-half-yearly', job: JOBS.disclosureGenerate, pattern: '40 2 1 1,7 *', tz: 'Asia/Shanghai', data: { kind: 'SUPERVISION_SUMMARY' } },
] as const;

/**
 * Deterministic job id of a disclosure run (architecture.md practice 8): `disclosure:KIND:PERIOD`, with a region
 * `disclosure:KIND:PERIOD@REGION` (BullMQ refuses a custom id with other than exactly two ':').
 */
export function disclosureJobId(kind: string, period: string, regionCode?: string | null): string {
  return `disclosure:${kind}:${period}${regionCode ? `@${regionCode}` : ''}`;
}
