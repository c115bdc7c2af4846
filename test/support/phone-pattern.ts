/** A mainland mobile number: 11 digits from 13… to 19…, not part of a longer number. */
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
/**
 * The SHA-256 digests the public outputs print (content hashes, audit-chain heads) as 64 hexadecimal digits: one
 * in a few hundred holds a run of 11 digits shaped like a phone number, which is not personal data.
 */
const HEX_DIGEST = /(?<![0-9A-Fa-f])[0-9a-f]{64}(?![0-9A-Fa-f])/g;

/** The first thing in a public body shaped like a mobile phone number (digests aside), with its context, or null. */
export function phoneNumberIn(body: string): string | null {
  const text = body.replace(HEX_DIGEST, ' ');
  const m = PHONE.exec(text);
  return m ? text.slice(Math.max(0, m.index - 40), m.index + 51) : null;
}
