import { randomBytes } from 'node:crypto';
import { ResidentIdCipher } from './resident-id-cipher';

const ID = '11010519491231002X'; // the GB 11643 sample, not a real person
const cipher = new ResidentIdCipher(randomBytes(32), randomBytes(32));

describe('ResidentIdCipher', () => {
  it('round-trips, with a fresh nonce each time', () => {
    const a = cipher.encrypt(ID);
    const b = cipher.encrypt(ID);
    expect(a.equals(b)).toBe(false);
    expect(cipher.decrypt(a)).toBe(ID);
    expect(cipher.decrypt(b)).toBe(ID);
    expect(a.toString('latin1')).not.toContain(ID);
  });

  it('refuses a tampered value and a value under another key', () => {
    const stored = cipher.encrypt(ID);
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => new ResidentIdCipher(randomBytes(32), randomBytes(32)).decrypt(stored)).toThrow();
  });

  it('gives a stable keyed lookup hash that depends on the key', () => {
    expect(cipher.lookupHash(ID)).toBe(cipher.lookupHash(ID));
    expect(cipher.lookupHash(ID)).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.lookupHash(ID)).not.toBe(cipher.lookupHash('110105194912310029'));
    expect(new ResidentIdCipher(randomBytes(32), randomBytes(32)).lookupHash(ID)).not.toBe(cipher.lookupHash(ID));
  });

  it('refuses keys of the wrong size', () => {
    expect(() => new ResidentIdCipher(randomBytes(16), randomBytes(32))).toThrow(RangeError);
  });
});

describe('ResidentIdCipher with a key ring (a rotation in progress)', () => {
  const oldKey = { id: 1, encryptionKey: randomBytes(32), hmacKey: randomBytes(32) };
  const before = new ResidentIdCipher(oldKey.encryptionKey, oldKey.hmacKey, { keyId: 1 });
  const during = new ResidentIdCipher(randomBytes(32), randomBytes(32), { keyId: 2, previous: [oldKey] });

  it('writes under the new key and reads values written under the old one, by key id or by trying', () => {
    const old = before.encrypt(ID);
    expect(during.keyId).toBe(2);
    expect(during.keyIds).toEqual([2, 1]);
    expect(during.decrypt(old, 1)).toBe(ID);
    expect(during.decrypt(old)).toBe(ID);
    expect(() => during.decrypt(old, 2)).toThrow();
    expect(() => before.decrypt(during.encrypt(ID))).toThrow();
    expect(() => during.decrypt(old, 7)).toThrow(/key 7 is not configured/);
  });

  it('looks up under both HMAC keys, the current one first', () => {
    expect(during.lookupHashes(ID)).toEqual([during.lookupHash(ID), before.lookupHash(ID)]);
    expect(before.lookupHashes(ID)).toEqual([before.lookupHash(ID)]);
  });

  it('refuses a previous key that repeats the current id', () => {
    expect(() => new ResidentIdCipher(randomBytes(32), randomBytes(32), { keyId: 1, previous: [oldKey] })).toThrow(/repeats the current key id 1/);
  });
});
