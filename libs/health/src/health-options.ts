export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

export interface HealthOptions {
  /** `required`: Redis down makes readiness 503; `reported`: it shows in the body and readiness stays as it is. */
  redis: 'required' | 'reported';
}
