import { EntityManager } from 'typeorm';
import { compressContent } from './compressed-content';
import { Disclosure } from './disclosure.entity';
import { BuiltItem, DisclosureSnapshot } from './disclosure-snapshot';

/** Every column of a disclosure but its content: what locking, publishing and listing need (no 55 MiB read). */
export const DISCLOSURE_HEADER: readonly (keyof Disclosure)[] = [
  'id', 'kind', 'period', 'regionCode', 'version', 'status', 'contentHash', 'auditHead', 'itemCount', 'publicationEnd',
  'createdAt', 'createdBy', 'publishedAt', 'publishedKey', 'withdrawnAt', 'withdrawalReason', 'correctionNote', 'stateRev',
];

const ITEM_ROWS_PER_INSERT = 5_000;

type NewDisclosure = Omit<Disclosure, 'id' | 'content'>;

interface PreparedConnection {
  execute(sql: string, values: unknown[], callback: (error: Error | null, result: { insertId: number | string }) => void): void;
}

/**
 * Stores a new version inside the caller's transaction: the header, one small row per item (key, decision,
 * publication end: what revocation and withdrawal need; the item itself lives in the content only), and the
 * snapshot's canonical text as the content (the very bytes that were hashed, compressed: see
 * compressed-content.ts). The content goes through a prepared statement: the binary protocol sends the bytes as
 * they are, where the text protocol would escape them into the SQL for the server to parse back (measured about
 * 5× slower on 16 MiB of JSON). Item rows go in multi-row INSERTs.
 *
 * Everything is queued on the connection at once, in the order the server can take it without waiting for the
 * compression (which runs on libuv's thread pool): the header first with an empty content, the item rows, and
 * the content written into the header last, once compressed. The row is never seen with its placeholder: it
 * is the transaction's own until commit.
 */
export async function insertSnapshot(em: EntityManager, header: NewDisclosure, snapshot: DisclosureSnapshot): Promise<string> {
  const compressed = compressContent(snapshot.canonical);
  const stored = execute(
    em,
    `INSERT INTO disclosures (kind, period, region_code, version, status, content, content_hash, audit_head, item_count, publication_end,
       created_at, created_by, published_at, published_key, withdrawn_at, withdrawal_reason, correction_note, state_rev)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      header.kind, header.period, header.regionCode, header.version, header.status, NO_CONTENT_YET, header.contentHash, header.auditHead, header.itemCount,
      header.publicationEnd, utcDateTime(header.createdAt), header.createdBy, utcDateTime(header.publishedAt), header.publishedKey,
      utcDateTime(header.withdrawnAt), header.withdrawalReason, header.correctionNote, header.stateRev,
    ],
  );
  // Queued behind it on the same connection, without waiting: the item rows and the content name the new id
  // through the session's LAST_INSERT_ID(), so Node formats them while the server stores the header. Should
  // the first statement fail, the rest still run inside the transaction that failure rolls back, and name no
  // row: the id is NULL then (ROW_COUNT() is -1 after a failed statement), not an id this session made before.
  const queued = [em.query('SET @disclosure_id = IF(ROW_COUNT() = 1, LAST_INSERT_ID(), NULL)'), ...itemRowInserts(em, snapshot.items)];
  queued.push(compressed.then((content) => execute(em, 'UPDATE disclosures SET content = ? WHERE id = @disclosure_id', [content])));
  const [result] = await Promise.all([stored, ...queued.map((q) => q.catch((e: unknown) => stored.then(() => Promise.reject(e))))]);
  return String(result.insertId);
}

/** The header's content until the compressed one follows, in the same transaction (never committed as such). */
const NO_CONTENT_YET = Buffer.alloc(0);

/** The session variable holding the new disclosure's id, written into the item rows' SQL as is. */
const DISCLOSURE_ID = { toSqlString: () => '@disclosure_id' };

function itemRowInserts(em: EntityManager, items: readonly BuiltItem[]): Promise<unknown>[] {
  const inserts: Promise<unknown>[] = [];
  for (let i = 0; i < items.length; i += ITEM_ROWS_PER_INSERT) {
    const rows: unknown[][] = [];
    const end = Math.min(items.length, i + ITEM_ROWS_PER_INSERT);
    for (let j = i; j < end; j++) rows.push([DISCLOSURE_ID, items[j].key, items[j].eventId, items[j].publicationEnd]);
    inserts.push(em.query('INSERT INTO disclosure_items (disclosure_id, item_key, event_id, publication_end) VALUES ?', [rows]));
  }
  return inserts;
}

/** A prepared statement on the transaction's own connection (TypeORM's `query` only speaks the text protocol). */
function execute(em: EntityManager, sql: string, values: unknown[]): Promise<{ insertId: number | string }> {
  const connection = (em.queryRunner as unknown as { databaseConnection?: PreparedConnection } | undefined)?.databaseConnection;
  if (!connection) throw new Error('insertSnapshot must run inside a transaction');
  return new Promise((resolve, reject) => connection.execute(sql, values, (error, result) => (error ? reject(error) : resolve(result))));
}

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC (the columns hold UTC; no driver time-zone conversion involved). */
function utcDateTime(at: Date | null): string | null {
  return at === null ? null : at.toISOString().replace('T', ' ').replace('Z', '');
}
