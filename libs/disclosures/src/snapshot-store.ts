import { DisclosureItem } from '@app/credit';
import { EntityManager } from 'typeorm';
import { Disclosure } from './disclosure.entity';
import { DisclosureSnapshot } from './disclosure-snapshot';

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
 * Stores a new version inside the caller's transaction: the header with the snapshot's canonical text as its
 * content (the very string that was hashed), then one small row per item (key, decision, publication end:
 * what revocation and withdrawal need; the item itself lives in the content only). The content goes through a
 * prepared statement: the binary protocol sends it as is, where the text protocol would escape 55 MiB into the
 * SQL and have the server parse it back (measured about 5× slower). Item rows go in multi-row INSERTs.
 */
export async function insertSnapshot(em: EntityManager, header: NewDisclosure, snapshot: DisclosureSnapshot): Promise<string> {
  const result = await execute(
    em,
    `INSERT INTO disclosures (kind, period, region_code, version, status, content, content_hash, audit_head, item_count, publication_end,
       created_at, created_by, published_at, published_key, withdrawn_at, withdrawal_reason, correction_note, state_rev)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      header.kind, header.period, header.regionCode, header.version, header.status, snapshot.text, header.contentHash, header.auditHead, header.itemCount,
      header.publicationEnd, utcDateTime(header.createdAt), header.createdBy, utcDateTime(header.publishedAt), header.publishedKey,
      utcDateTime(header.withdrawnAt), header.withdrawalReason, header.correctionNote, header.stateRev,
    ],
  );
  const id = String(result.insertId);
  await insertItemRows(em, id, snapshot.content.items);
  return id;
}

async function insertItemRows(em: EntityManager, disclosureId: string, items: readonly DisclosureItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += ITEM_ROWS_PER_INSERT) {
    const rows: unknown[][] = [];
    const end = Math.min(items.length, i + ITEM_ROWS_PER_INSERT);
    for (let j = i; j < end; j++) rows.push([disclosureId, items[j].key, items[j].eventId, items[j].publicationEnd]);
    await em.query('INSERT INTO disclosure_items (disclosure_id, item_key, event_id, publication_end) VALUES ?', [rows]);
  }
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
