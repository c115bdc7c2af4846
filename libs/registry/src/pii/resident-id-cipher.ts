import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;

/**
 * Resident IDs at rest (domain.md §1, §7): AES-256-GCM with a random nonce per value, stored as
 * nonce ‖ tag ‖ ciphertext; looked up by a keyed HMAC-SHA256 so the database never holds a value that can be
 * reversed or brute-forced without the key (18-digit IDs have far too little entropy for a plain hash).
 * Both keys come from configuration, never from the repository.
 */
export class ResidentIdCipher {
  constructor(
    private readonly encryptionKey: Buffer,
    private readonly hmacKey: Buffer,
  ) {
    if (encryptionKey.length !== 32 || hmacKey.length !== 32) throw new RangeError('keys must be 32 bytes');
  }

  encrypt(residentId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(residentId, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** Throws when the value was altered or encrypted under another key (GCM authenticates it). */
  decrypt(stored: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, stored.subarray(0, IV_BYTES));
    decipher.setAuthTag(stored.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(stored.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** The lookup key: deterministic for one ID under one HMAC key, 64 hex characters. */
  lookupHash(residentId: string): string {
    return createHmac('sha256', this.hmacKey).update(residentId, 'utf8').digest('hex');
  }
}
