import { addDays, addYears, DisclosureKind, makeCreditCode, shanghaiDate } from '@app/credit';
import { DisclosureService } from '@app/disclosures';
import { EventsService, SubjectsService } from '@app/registry';
import { startApi, TestApi } from '../support/api-app';
import { resetDatabase } from '../support/database';

// The penalty notice's publication end (1 year, 3 when severe) as the builder reads it in one statement per page:
// the subject's police referrals are looked up only for types not severe by themselves, and a subject's referral
// numbers must count for each of its decisions wherever its rows fall (here its first row is an Art.40 one).
let api: TestApi;
const saved = { ...process.env };
const decidedOn = addDays(shanghaiDate(new Date()), -21);
const period = decidedOn.slice(0, 7);
const [a, b] = [0, 1].map((i) => makeCreditCode(`1312000088${String(i).padStart(7, '0')}`));

beforeAll(async () => {
  Object.assign(process.env, { DISCLOSURE_AUTO_PUBLISH: '' });
  api = await startApi();
  await resetDatabase(api.dataSource);
  await api.app.get(SubjectsService).register(
    [a, b].map((creditCode, i) => ({ type: 'MEDICAL_INSTITUTION', name: `河北省第${i + 1}严重测试医院`, creditCode, regionCode: '130102', agreementSignedOn: '2015-01-01' })),
    'test',
  );
  const penalty = { legalBasis: '条例', fineFen: 100000, amountInvolvedFen: 80000, fineMultiple: 1.5 };
  await api.app.get(EventsService).record(
    [
      { sourceRef: 'a-art40', creditCode: a, type: 'PENALTY_ART40', decisionNo: '冀医保罚〔2026〕40号', ...penalty, fineFen: 160000, fineMultiple: 2 },
      { sourceRef: 'a-art38-referred', creditCode: a, type: 'PENALTY_ART38', decisionNo: '冀医保罚〔2026〕38号', ...penalty },
      { sourceRef: 'a-art38-plain', creditCode: a, type: 'PENALTY_ART38', decisionNo: '冀医保罚〔2026〕39号', ...penalty },
      { sourceRef: 'a-referral', creditCode: a, type: 'POLICE_REFERRAL_CONFIRMED', decisionNo: '冀医保罚〔2026〕38号', decidedOn: addDays(decidedOn, -40) },
      // The same number on another subject: A's referral is not B's case.
      { sourceRef: 'b-art38', creditCode: b, type: 'PENALTY_ART38', decisionNo: '冀医保罚〔2026〕38号', ...penalty },
    ].map((e) => ({ sourceSystem: 'SEVERITY-TEST', authority: '河北省医疗保障局', regionCode: '130102', occurredOn: addDays(decidedOn, -60), decidedOn, ...e })),
    'test',
  );
});
afterAll(async () => {
  process.env = saved;
  await api.close();
});

describe('penalty notice severity', () => {
  it('3 years for Art.40 and for a case with the subject\'s confirmed police referral, else 1 year', async () => {
    const { snapshot } = await api.app.get(DisclosureService).generate(DisclosureKind.PENALTY_NOTICE, period, null, 'test').then(async (g) => ({
      snapshot: (await api.dataSource.query('SELECT i.item_key AS k, i.publication_end AS e, ev.source_ref AS ref FROM disclosure_items i JOIN events ev ON ev.id = i.event_id WHERE i.disclosure_id = ?', [g.disclosure.id])) as {
        k: string;
        e: string | Date;
        ref: string;
      }[],
    }));
    const ends = Object.fromEntries(snapshot.map((r) => [r.ref, typeof r.e === 'string' ? r.e : shanghaiDate(r.e)]));
    expect(ends).toEqual({
      'a-art40': addYears(decidedOn, 3),
      'a-art38-referred': addYears(decidedOn, 3),
      'a-art38-plain': addYears(decidedOn, 1),
      'b-art38': addYears(decidedOn, 1),
    });
  });
});
