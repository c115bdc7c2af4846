import { isRowId } from '@app/common/orm';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Subject } from './subject.entity';

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
}
