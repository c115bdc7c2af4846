import { fromDayNumber, makeResidentId } from '@app/credit';
import { Prng } from '../random/prng';

// Sequence codes 001–998: odd for men, even for women (GB 11643).
const SEQUENCES_PER_SEX = 499;

/** Unique, valid resident IDs whose address code is the person's district and whose birth date is theirs. */
export class ResidentIdFactory {
  private readonly issued = new Set<string>();

  make(rng: Prng, regionCode: string, birthDay: number, male: boolean): string {
    const birth = fromDayNumber(birthDay).replace(/-/g, '');
    const first = rng.int(0, SEQUENCES_PER_SEX - 1);
    // On a collision take the next sequence code of the same sex: deterministic, and the sex stays right.
    for (let step = 0; step < SEQUENCES_PER_SEX; step++) {
      const k = (first + step) % SEQUENCES_PER_SEX;
      const sequence = String(2 * k + (male ? 1 : 2)).padStart(3, '0');
      const id = makeResidentId(regionCode + birth + sequence);
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
    throw new RangeError('every sequence code for this district, birth date and sex is taken');
  }
}
