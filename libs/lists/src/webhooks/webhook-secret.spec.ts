import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, WebhookSecretCipher } from './webhook-secret';

describe('webhook secrets', () => {
  it('are whsec_ + base64 of 32 random bytes, usable by the standardwebhooks package', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
    const wh = new Webhook(secret);
    const at = new Date();
    const signature = wh.sign('id-1', at, '{"a":1}');
    expect(wh.verify('{"a":1}', { 'webhook-id': 'id-1', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature })).toEqual({ a: 1 });
  });

  it('round-trip through the cipher, which refuses another key and an altered value', () => {
    const key = randomBytes(32);
    const cipher = new WebhookSecretCipher(key);
    const secret = newWebhookSecret();
    const stored = cipher.encrypt(secret);
    expect(stored.includes(Buffer.from(secret))).toBe(false);
    expect(cipher.encrypt(secret).equals(stored)).toBe(false); // a fresh nonce each time
    expect(cipher.decrypt(stored)).toBe(secret);
    expect(() => new WebhookSecretCipher(randomBytes(32)).decrypt(stored)).toThrow();
    const altered = Buffer.from(stored);
    altered[altered.length - 1] ^= 1;
    expect(() => cipher.decrypt(altered)).toThrow();
  });

  it('during a key rotation: decrypt under the previous key too, and tell which values still need re-keying', () => {
    const oldKey = randomBytes(32);
    const stored = new WebhookSecretCipher(oldKey).encrypt('whsec_x');
    const rotating = new WebhookSecretCipher(randomBytes(32), [oldKey]);
    expect(rotating.decrypt(stored)).toBe('whsec_x');
    expect(rotating.isCurrent(stored)).toBe(false);
    const rekeyed = rotating.encrypt(rotating.decrypt(stored));
    expect(rotating.isCurrent(rekeyed)).toBe(true);
    expect(() => new WebhookSecretCipher(oldKey).decrypt(rekeyed)).toThrow();
  });
});
