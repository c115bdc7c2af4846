import { DisclosureContent } from '@app/credit';
import { deflate, deflateSync, inflateSync } from 'node:zlib';
import { promisify } from 'node:util';
import { ValueTransformer } from 'typeorm';

const deflateAsync = promisify(deflate);
/** zlib's fastest level: a 100k-item content (55 MiB of JSON) becomes about 5 MiB; higher levels gain little here. */
const LEVEL = 1;
const ZLIB_DEFLATE = 0x78;

/**
 * A disclosure's content as stored: its canonical JSON compressed in MariaDB's COMPRESS() format (the
 * uncompressed length as 4 bytes, low byte first, then a zlib stream), so SQL can read it with UNCOMPRESS() and
 * the migrations convert with COMPRESS()/UNCOMPRESS(). The JSON repeats the same field names and legal texts on
 * every item: compressed it is about a tenth, which is most of what storing a 100k-item disclosure cost (redo
 * log, pages, the bytes on the wire) and makes reading it back faster as well. Deflated on libuv's thread pool.
 */
export async function compressContent(json: Buffer): Promise<Buffer> {
  return withLength(json.length, await deflateAsync(json, { level: LEVEL }));
}

/** The stored bytes back to the content; uncompressed JSON (rows written as plain JSON text) is read as is. */
export function decodeContent(stored: Buffer | string): DisclosureContent {
  if (typeof stored === 'string') return JSON.parse(stored) as DisclosureContent;
  return JSON.parse((isCompressed(stored) ? inflateSync(stored.subarray(4)) : stored).toString('utf8')) as DisclosureContent;
}

/**
 * A JSON object starts with `{`, then a quote and a key; the compressed form has the zlib header (0x78 and a
 * flag byte making a multiple of 31) at offset 4, and a length that matches. A content's JSON never has 0x78
 * ('x') at offset 4: its first key is "items" (canonical) or "kind".
 */
function isCompressed(b: Buffer): boolean {
  return b.length >= 6 && b[4] === ZLIB_DEFLATE && ((b[4] << 8) | b[5]) % 31 === 0;
}

function withLength(length: number, z: Buffer): Buffer {
  const out = Buffer.allocUnsafe(4 + z.length);
  out.writeUInt32LE(length, 0);
  z.copy(out, 4);
  return out;
}

/** For the entity: reads decode; a write through TypeORM (none in the service: it inserts the bytes it hashed) compresses. */
export const COMPRESSED_CONTENT: ValueTransformer = {
  from: (stored: Buffer | string | null) => (stored === null || stored === undefined ? stored : decodeContent(stored)),
  to: (content: DisclosureContent | null | undefined) => {
    if (content === null || content === undefined) return content;
    const json = Buffer.from(JSON.stringify(content), 'utf8');
    return withLength(json.length, deflateSync(json, { level: LEVEL }));
  },
};
