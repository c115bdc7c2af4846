import { AppConfig } from '@app/config';

/**
 * The Redis pub/sub channel on which every process that changes what the public sees of a disclosure (publish,
 * supersede, withdrawal of the whole or of items) names it after commit; the API replicas' view caches listen.
 * Under QUEUE_PREFIX so that instances (and parallel test workers) sharing one Redis stay apart.
 */
export function disclosureChangeChannel(config: AppConfig): string {
  return `${config.redis.prefix}:disclosures:changed`;
}

/** A message: the changed disclosure ids, comma-separated ('*': every disclosure). */
export function encodeChangedIds(ids: readonly string[]): string {
  return ids.join(',');
}

export function decodeChangedIds(message: string): string[] | '*' {
  if (message === '*') return '*';
  return message.split(',').filter((id) => /^\d{1,19}$/.test(id));
}
