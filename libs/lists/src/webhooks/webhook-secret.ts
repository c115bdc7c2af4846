import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Standard Webhooks: `whsec_` + base64 of the key; 32 random bytes (the spec asks for 24 to 64). */
const SECRET_BYTES = 32;
const PREFIX = 'whsec_';
/** Binds each ciphertext to its purpose: a value encrypted for another use does not decrypt here. */
const AAD = Buffer.from('yibao webhook signing secret v1', 'utf8');

/** A new signing secret in the Standard Webhooks format. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/**
 * Webhook signing secrets at rest: AES-256-GCM with a random nonce per value, stored as nonce ‖ tag ‖ ciphertext,
 * under a key derived (HKDF-SHA256) from PII_ENCRYPTION_KEY for this one purpose, so no second key has to be
 * configured and the resident-ID key is never used directly for anything else. Unlike an API key the secret
 * cannot be stored as a hash: the worker needs it in clear to sign each delivery.
 */
export class WebhookSecretCipher {
  private readonly key: Buffer;
  /** Keys derived from PII_PREVIOUS_KEYS: secrets written before a key rotation still decrypt until re-keyed. */
  private readonly previous: Buffer[];

  constructor(masterKey: Buffer, previousMasterKeys: readonly Buffer[] = []) {
    if ([masterKey, ...previousMasterKeys].some((k) => k.length !== 32)) throw new RangeError('key must be 32 bytes');
    this.key = derive(masterKey);
    this.previous = previousMasterKeys.map(derive);
  }

  /** True when the value is encrypted under the current key (a rotation has nothing to do for it). */
  isCurrent(stored: Buffer): boolean {
    try {
      decryptWith(this.key, stored);
      return true;
    } catch {
      return false;
    }
  }

  encrypt(secret: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(AAD);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** Throws when the value was altered or encrypted under a key not configured (GCM authenticates it). */
  decrypt(stored: Buffer): string {
    let failure: unknown;
    for (const key of [this.key, ...this.previous]) {
      try {
        return decryptWith(key, stored);
      } catch (e) {
        failure = e;
      }
    }
    throw failure;
  }
}

function derive(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'yibao/webhook-secret', 32));
}

function decryptWith(key: Buffer, stored: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, stored.subarray(0, IV_BYTES));
  decipher.setAAD(AAD);
  decipher.setAuthTag(stored.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(stored.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
