import { canonicalJson } from '@app/common';
import { EventType, normalizeEventItem, RecordEventItem } from '@app/credit';
import { Prng } from '@app/demo';
import { createHash } from 'node:crypto';
import { contentOf } from './event-fields';
import { eventInputHash } from './input-hash';

/** The definition the stored hashes were made with (events.service.ts before B1's rewrite). */
function definedHash(item: RecordEventItem, subjectId: string): string {
  const n = normalizeEventItem(item);
  return createHash('sha256')
    .update(canonicalJson({ ...contentOf(n), sourceSystem: n.sourceSystem, sourceRef: n.sourceRef, subjectId }))
    .digest('hex');
}

// Texts that JSON escapes or that sort or encode unusually: quotes, backslashes, CJK, astral, U+2028.
const TEXTS = [null, undefined, '', '  padded  ', 'a"b', 'back\\slash', '京医保罚〔2024〕12号', '北京市医疗保障局', '𠀀 astral', 'line\u2028sep', 'é'];
const NUMBERS = [null, undefined, 0, -0, 1, 250_000_00, 9_007_199_254_740_991, 1.5, 0.125];
const TYPES = Object.values(EventType);

function pick<T>(rng: Prng, xs: readonly T[]): T {
  return xs[Math.floor(rng.next() * xs.length)];
}

describe('eventInputHash', () => {
  it('equals SHA-256 of the canonical JSON of content, source key and subject id, for varied items', () => {
    const rng = new Prng(7, 1);
    for (let n = 0; n < 2_000; n++) {
      const item = {
        sourceSystem: pick(rng, ['case-sys', ' spaced ', '系统']),
        sourceRef: `ref-${n}${pick(rng, ['', '"', '\\', '号'])}`,
        creditCode: '91110000100000000A',
        type: pick(rng, TYPES),
        status: pick(rng, [undefined, null, 'FINAL', 'PROPOSED', ' UNDER_APPEAL ']),
        legalBasis: pick(rng, TEXTS),
        decisionNo: pick(rng, TEXTS),
        authority: pick(rng, TEXTS),
        regionCode: pick(rng, [null, undefined, '110101']),
        occurredOn: '2024-01-02',
        decidedOn: '2024-02-03',
        amountInvolvedFen: pick(rng, NUMBERS),
        fineFen: pick(rng, NUMBERS),
        fineMultiple: pick(rng, NUMBERS),
        suspensionDays: pick(rng, NUMBERS),
        responsibility: pick(rng, [null, undefined, 'DIRECT', 'LEADERSHIP']),
        selfReported: pick(rng, [undefined, null, true, false]),
        inspectionKind: pick(rng, [null, 'ROUTINE']),
        assessmentResult: pick(rng, [null, 'EXCELLENT']),
      } as RecordEventItem;
      const subjectId = String(1 + Math.floor(rng.next() * 1e12));
      expect(eventInputHash(normalizeEventItem(item), subjectId)).toBe(definedHash(item, subjectId));
    }
  });

  it('differs when the subject, the content or the source key differs', () => {
    const item = normalizeEventItem({ sourceSystem: 's', sourceRef: 'r', creditCode: 'c', type: EventType.INTERVIEW, occurredOn: '2024-01-01', decidedOn: '2024-01-01' });
    const base = eventInputHash(item, '1');
    expect(eventInputHash(item, '2')).not.toBe(base);
    expect(eventInputHash({ ...item, decidedOn: '2024-01-02' }, '1')).not.toBe(base);
    expect(eventInputHash({ ...item, sourceRef: 'r2' }, '1')).not.toBe(base);
    // The credit code names the subject; the hash covers the resolved id, not how it was named.
    expect(eventInputHash({ ...item, creditCode: null, subjectId: '1' }, '1')).toBe(base);
  });
});

describe('eventInputHash with a value that is an object', () => {
  it('still follows the canonical definition (nested keys sorted)', () => {
    const item = normalizeEventItem({ sourceSystem: 's', sourceRef: 'r', creditCode: 'c', type: EventType.INTERVIEW, occurredOn: '2024-01-01', decidedOn: '2024-01-01' });
    const odd = { ...item, legalBasis: { z: 1, a: 2 } as unknown as string };
    const expected = createHash('sha256')
      .update(canonicalJson({ ...contentOf(odd), sourceSystem: 's', sourceRef: 'r', subjectId: '9' }))
      .digest('hex');
    expect(eventInputHash(odd, '9')).toBe(expected);
  });
});
