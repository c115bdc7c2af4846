import { isRowId } from '@app/common/orm';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Subject } from './subject.entity';

/** What recording an event needs of its subject: who it is and the keys it is found by. */
export type SubjectRef = Pick<Subject, 'id' | 'type' | 'creditCode' | 'residentIdHmac'>;

export interface SubjectKeys {
  ids?: readonly string[];
  creditCodes?: readonly string[];
  residentIdHmacs?: readonly string[];
}

/** Finds subjects by any of their keys in one query: batches of thousands cost one round trip. */
@Injectable()
export class SubjectDirectory {
  async find(em: EntityManager, keys: SubjectKeys): Promise<Subject[]> {
    const qb = em.getRepository(Subject).createQueryBuilder('s');
    const clauses: string[] = [];
    const params: Record<string, readonly string[]> = {};
    const add = (column: string, name: string, values: readonly string[] | undefined) => {
      if (!values?.length) return;
      clauses.push(`s.${column} IN (:...${name})`);
      params[name] = [...new Set(values)];
    };
    add('id', 'ids', keys.ids?.filter(isRowId));
    add('creditCode', 'creditCodes', keys.creditCodes);
    add('residentIdHmac', 'hmacs', keys.residentIdHmacs);
    if (clauses.length === 0) return [];
    return qb.where(clauses.join(' OR '), params).getMany();
  }

  /**
   * The same search, returning only SubjectRef's columns as plain rows: recordEvents reads thousands of
   * subjects per batch, and hydrating whole entities was a good part of its allocations (B1).
   */
  async findRefs(em: EntityManager, keys: SubjectKeys): Promise<SubjectRef[]> {
    const clauses: string[] = [];
    const params: (readonly string[])[] = [];
    const add = (column: string, values: readonly string[] | undefined) => {
      if (!values?.length) return;
      clauses.push(`${column} IN (?)`);
      params.push([...new Set(values)]);
    };
    add('id', keys.ids?.filter(isRowId));
    add('credit_code', keys.creditCodes);
    add('resident_id_hmac', keys.residentIdHmacs);
    if (clauses.length === 0) return [];
    const rows: { id: string | number; type: Subject['type']; credit_code: string | null; resident_id_hmac: string | null }[] = await em.query(
      `SELECT id, type, credit_code, resident_id_hmac FROM subjects WHERE ${clauses.join(' OR ')}`,
      params,
    );
    return rows.map((r) => ({ id: String(r.id), type: r.type, creditCode: r.credit_code, residentIdHmac: r.resident_id_hmac }));
  }
}
