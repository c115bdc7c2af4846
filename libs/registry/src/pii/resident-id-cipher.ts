import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;

/** One version of the resident-ID keys (configuration: PII_KEY_ID + the two keys, or a PII_PREVIOUS_KEYS entry). */
export interface ResidentIdKey {
  id: number;
  encryptionKey: Buffer;
  hmacKey: Buffer;
}

/**
 * Resident IDs at rest (domain.md §1, §7): AES-256-GCM with a random nonce per value, stored as
 * nonce ‖ tag ‖ ciphertext; looked up by a keyed HMAC-SHA256 so the database never holds a value that can be
 * reversed or brute-forced without the key (18-digit IDs have far too little entropy for a plain hash).
 * Keys come from configuration, never from the repository. Writes always use the current key (whose id each
 * row records); the previous keys of a rotation in progress are only read: decrypting a row not yet
 * re-encrypted, and finding a subject whose lookup hash is still under the old HMAC key.
 */
export class ResidentIdCipher {
  private readonly current: ResidentIdKey;
  private readonly byId: Map<number, ResidentIdKey>;

  constructor(encryptionKey: Buffer, hmacKey: Buffer, options: { keyId?: number; previous?: readonly ResidentIdKey[] } = {}) {
    this.current = { id: options.keyId ?? 1, encryptionKey, hmacKey };
    const all = [this.current, ...(options.previous ?? [])];
    for (const k of all) if (k.encryptionKey.length !== 32 || k.hmacKey.length !== 32) throw new RangeError('keys must be 32 bytes');
    this.byId = new Map(all.map((k) => [k.id, k]));
    if (this.byId.size !== all.length) throw new RangeError(`PII_PREVIOUS_KEYS repeats the current key id ${this.current.id}`);
  }

  /** The version new values are written under. */
  get keyId(): number {
    return this.current.id;
  }

  /** Every key version this process can read, the current one first. */
  get keyIds(): number[] {
    return [...this.byId.keys()];
  }

  encrypt(residentId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(residentId, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /**
   * Throws when the value was altered or encrypted under a key this process does not hold (GCM authenticates
   * it). With the row's key id the right key is used at once; without it (readers that select only the
   * ciphertext) each known key is tried, current first: a wrong key fails authentication, never decrypts wrongly.
   */
  decrypt(stored: Buffer, keyId?: number | null): string {
    if (keyId !== undefined && keyId !== null) {
      const key = this.byId.get(keyId);
      if (!key) throw new Error(`resident-ID key ${keyId} is not configured (PII_KEY_ID / PII_PREVIOUS_KEYS)`);
      return decryptWith(key, stored);
    }
    let failure: unknown;
    for (const key of this.byId.values()) {
      try {
        return decryptWith(key, stored);
      } catch (e) {
        failure = e;
      }
    }
    throw failure;
  }

  /** The lookup key under the current HMAC key: deterministic for one ID, 64 hex characters. */
  lookupHash(residentId: string): string {
    return hmacOf(this.current, residentId);
  }

  /** The lookup keys under every configured HMAC key, current first: a subject is found under any of them. */
  lookupHashes(residentId: string): string[] {
    return [...this.byId.values()].map((k) => hmacOf(k, residentId));
  }
}

function hmacOf(key: ResidentIdKey, residentId: string): string {
  return createHmac('sha256', key.hmacKey).update(residentId, 'utf8').digest('hex');
}

function decryptWith(key: ResidentIdKey, stored: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key.encryptionKey, stored.subarray(0, IV_BYTES));
  decipher.setAuthTag(stored.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(stored.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
