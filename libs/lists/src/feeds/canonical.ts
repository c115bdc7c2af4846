import serialize from 'canonicalize';

/** RFC 8785 serialisation through the JCS library consumers verify with (never a home-made one). */
export function canonicalize(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) throw new Error('canonicalize: the value has no JSON form');
  return text;
}
