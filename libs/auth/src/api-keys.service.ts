import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiKey } from './api-key.entity';
import { Principal } from './principal';
import { Role } from './role.enum';

const KEY_PREFIX = 'yc_';
/** last_used_at is a hint for operators, not an access log: write it at most once a minute per key. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly lastTouched = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Creates a key and returns its secret: the only time it exists outside the caller's hands. */
  async create(role: Role, name: string, actor: string): Promise<{ key: ApiKey; secret: string }> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 100) {
      throw DomainError.badInput('name must be 1 to 100 characters', { field: 'name', reason: 'INVALID_VALUE' });
    }
    const secret = KEY_PREFIX + randomBytes(32).toString('base64url'); // 256 random bits
    return this.dataSource.transaction(async (em) => {
      const key = em.getRepository(ApiKey).create({
        name: trimmed,
        role,
        prefix: secret.slice(0, 11),
        keyHash: hashKey(secret),
        createdAt: new Date(),
        revokedAt: null,
        lastUsedAt: null,
      });
      await em.getRepository(ApiKey).insert(key);
      await this.audit.append(em, [
        { actor, action: 'apikey.create', targetType: 'api_key', targetId: key.id, diff: { name: trimmed, role, prefix: key.prefix } },
      ]);
      return { key, secret };
    });
  }

  /** Revokes by id or by prefix. Revoking twice is an error, so an operator learns of a typo. */
  async revoke(idOrPrefix: string, actor: string): Promise<ApiKey> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(ApiKey);
      const where = /^\d+$/.test(idOrPrefix) ? { id: idOrPrefix } : { prefix: idOrPrefix };
      const key = await repo.findOne({ where, lock: { mode: 'pessimistic_write' } });
      if (!key) throw DomainError.notFound('no API key with that id or prefix', { field: 'key' });
      if (key.revokedAt) throw DomainError.conflict('the API key is already revoked', { field: 'key' });
      key.revokedAt = new Date();
      await repo.update({ id: key.id }, { revokedAt: key.revokedAt });
      await this.audit.append(em, [
        { actor, action: 'apikey.revoke', targetType: 'api_key', targetId: key.id, diff: { revokedAt: key.revokedAt.toISOString() } },
      ]);
      return key;
    });
  }

  async list(): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ order: { id: 'ASC' } });
  }

  /** Returns the principal for a secret, or null for an unknown or revoked key. */
  async authenticate(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(KEY_PREFIX) || secret.length > 100) return null;
    const key = await this.dataSource.getRepository(ApiKey).findOneBy({ keyHash: hashKey(secret) });
    if (!key || key.revokedAt) return null;
    this.touch(key.id);
    return { role: key.role, keyId: key.id, keyName: key.name };
  }

  private touch(id: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(id) ?? 0) < LAST_USED_RESOLUTION_MS) return;
    this.lastTouched.set(id, now);
    this.dataSource
      .getRepository(ApiKey)
      .update({ id }, { lastUsedAt: new Date(now) })
      .catch((e: unknown) => this.logger.warn({ err: e, keyId: id }, 'could not record last use of an API key'));
  }
}
