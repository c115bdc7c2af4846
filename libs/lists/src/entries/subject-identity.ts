import { SubjectType } from '@app/credit';
import { EntityManager } from 'typeorm';

/** What a list entry shows of its subject: credit code and name for organisations, HMAC and masked ID for persons. */
export interface SubjectIdentity {
  id: string;
  type: SubjectType;
  subjectKey: string;
  maskedId: string | null;
  name: string | null;
  agreementSignedOn: string | null;
  /** The registry's event change counter when read: a plan made from older events is not applied. */
  eventRevision: number;
}

const ORGANISATIONS = new Set<string>([SubjectType.MEDICAL_INSTITUTION, SubjectType.PHARMACY]);

/** Subjects by id, as list entries show them (the registry's table, read; the registry never reads lists). */
export async function subjectIdentities(em: EntityManager, ids: readonly string[]): Promise<SubjectIdentity[]> {
  if (ids.length === 0) return [];
  const rows: { id: string | number; type: SubjectType; credit_code: string | null; resident_id_hmac: string | null; resident_id_masked: string | null; name: string | null; agreement_signed_on: string | null; event_revision: number }[] =
    // The frozen feed key, not the lookup HMAC: a key rotation re-keys the latter, and the commission tracks
    // entries by subjectKey (rows from before the column fall back to the HMAC they were created with).
    await em.query('SELECT id, type, credit_code, COALESCE(resident_id_feed_key, resident_id_hmac) AS resident_id_hmac, resident_id_masked, name, agreement_signed_on, event_revision FROM subjects WHERE id IN (?)', [ids]);
  return rows.map((r) => {
    const organisation = ORGANISATIONS.has(r.type);
    return {
      id: String(r.id),
      type: r.type,
      subjectKey: (organisation ? r.credit_code : r.resident_id_hmac) ?? `subject:${r.id}`,
      maskedId: organisation ? null : r.resident_id_masked,
      name: organisation ? r.name : null,
      agreementSignedOn: r.agreement_signed_on,
      eventRevision: Number(r.event_revision),
    };
  });
}
