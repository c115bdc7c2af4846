import { AppConfig } from '@app/config';
import { redisOptions } from '@app/queue';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { RenderedView } from '../disclosure-reader';
import { decodeChangedIds, disclosureChangeChannel } from './disclosure-change-channel';

const gzipAsync = promisify(gzip);

/** A public view ready to send: the body's bytes and every header, computed once when the view was built. */
export interface ReadyView {
  rendered: RenderedView;
  body: Buffer;
  headers: Record<string, string>;
  /** The same body gzip-compressed once, for clients that accept it (browsers do), with its headers and own ETag. */
  gzipBody: Buffer;
  gzipHeaders: Record<string, string>;
  /** The Asia/Shanghai day number it was built for: items and disclosures leave the public view by date. */
  day: number;
  /** Local fallback: past this moment (ms) the entry is not served even if no change was announced. */
  expiresAt: number;
}

const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day (days since 1970-01-01) of an instant: China keeps UTC+8 all year. */
export function shanghaiDayNumber(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/**
 * The public views of disclosures, kept per API replica with no database read on a hit. It is trusted only while
 * this replica's subscription to the change channel is up: publish, supersede and withdrawals are announced there
 * after commit (DisclosureChangesPublisher), and each announcement drops the named entries. Three bounds keep a
 * missed message from serving stale content: an entry is for one Shanghai day (expiry by date acts at midnight);
 * it lives at most the public max-age (DISCLOSURE_CACHE_MAX_AGE: what browsers and proxies may keep anyway); and a
 * lost subscription empties the cache and stops its use until Redis answers again (the reader then checks the
 * row's stamp in the database on every request, as it did before this cache). A generation number guards against
 * a read that began before an announcement filling the cache with what it read.
 */
@Injectable()
export class PublicViewCache implements OnModuleDestroy {
  private readonly logger = new Logger(PublicViewCache.name);
  private readonly entries = new Map<string, ReadyView>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly channel: string;
  private subscriber: Redis | null = null;
  private trusted = false;
  private generation = 0;

  constructor(private readonly config: AppConfig) {
    this.max = config.disclosures.cacheEntries;
    this.ttlMs = config.disclosures.cacheMaxAgeSeconds * 1000;
    this.channel = disclosureChangeChannel(config);
  }

  /** Whether the cache may be used at all (DISCLOSURE_CACHE_ENTRIES > 0 and a non-zero max-age). */
  get enabled(): boolean {
    return this.max > 0 && this.ttlMs > 0;
  }

  /** Whether hits are served now (subscribed to the change channel). */
  get live(): boolean {
    return this.trusted;
  }

  /** A ready view of a public disclosure for this day, or undefined (not cached, or the cache is not trusted now). */
  get(id: string, nowMs: number): ReadyView | undefined {
    if (!this.trusted) {
      this.start();
      return undefined;
    }
    const hit = this.entries.get(id);
    if (hit === undefined) return undefined;
    if (hit.day !== shanghaiDayNumber(nowMs) || nowMs >= hit.expiresAt) {
      this.entries.delete(id);
      return undefined;
    }
    return hit;
  }

  /** The generation to pass back to put(): taken before the database read. */
  mark(): number {
    this.start();
    return this.generation;
  }

  /**
   * Keeps a public view built at generation `seenAt`, unless a change was announced since (checked again after
   * compressing: gzip runs on libuv's thread pool, so a large notice — megabytes of JSON — does not hold the event
   * loop, and an announcement may arrive meanwhile).
   */
  async put(id: string, rendered: RenderedView, seenAt: number, nowMs: number): Promise<void> {
    if (!this.enabled || seenAt !== this.generation) return;
    const body = Buffer.from(rendered.body, 'utf8');
    const common = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': `public, max-age=${this.config.disclosures.cacheMaxAgeSeconds}`, Vary: 'Accept-Encoding' };
    const headers = { ...common, 'Content-Length': String(body.length), ETag: rendered.etag };
    // Compressed once per entry, never per request; another representation, so another strong ETag (RFC 9110 §8.8.3):
    // the SHA-256 of the bytes sent, as the identity body's is.
    const gzipBody = await gzipAsync(body);
    if (seenAt !== this.generation) return;
    const gzipHeaders = { ...common, 'Content-Encoding': 'gzip', 'Content-Length': String(gzipBody.length), ETag: `"${createHash('sha256').update(gzipBody).digest('base64url')}"` };
    this.entries.delete(id);
    this.entries.set(id, { rendered, body, headers, gzipBody, gzipHeaders, day: shanghaiDayNumber(nowMs), expiresAt: nowMs + this.ttlMs });
    // A Map keeps insertion order: the first key is the oldest entry.
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Drops the named disclosures ('*': all). Called for announcements, this replica's own and the others'. */
  drop(ids: readonly string[] | '*'): void {
    this.generation++;
    if (ids === '*') this.entries.clear();
    else for (const id of ids) this.entries.delete(id);
  }

  async onModuleDestroy(): Promise<void> {
    this.trusted = false;
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  /** Subscribes on first use (a process that never reads public views opens no connection); ioredis reconnects. */
  private start(): void {
    if (this.subscriber || !this.enabled) return;
    const sub = new Redis({ ...redisOptions(this.config, 'bullmq'), maxRetriesPerRequest: 1, autoResubscribe: false, connectionName: `${this.config.redis.prefix}:disclosure-views` });
    this.subscriber = sub;
    let warned = false;
    sub.on('error', () => {
      if (!warned) this.logger.warn('disclosure cache: Redis not reachable; reading the stamp from the database until it is');
      warned = true;
    });
    sub.on('close', () => this.distrust());
    sub.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.drop(decodeChangedIds(message));
    });
    sub.on('ready', () => {
      // Announcements made while unsubscribed are lost: start from empty once the subscription is confirmed.
      sub.subscribe(this.channel).then(
        () => {
          if (this.subscriber !== sub) return;
          this.drop('*');
          this.trusted = true;
          warned = false;
        },
        () => this.distrust(),
      );
    });
  }

  private distrust(): void {
    this.trusted = false;
    this.drop('*');
  }
}
