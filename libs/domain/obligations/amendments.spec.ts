import type { PolicyTerms, StaffQualification } from '../policy/terms';
import { amendedTo, byId, ids, inForce, obligationsAt, SCRIPT, terms } from './testing/fixtures';

const JULY_1 = '2026-07-01T00:00:00.000Z';
const APRIL_1 = '2026-04-01T00:00:00.000Z';

const cashier = (deadline: string, headcount = 1): StaffQualification => ({
  role: 'cashier',
  qualification: 'POS basics',
  headcount,
  deadline,
});
const engineer = (deadline: string, headcount = 2): StaffQualification => ({
  role: 'sales engineer',
  qualification: 'Pump systems level 2',
  headcount,
  deadline,
});
const withQualifications = (...staffQualifications: StaffQualification[]): PolicyTerms => {
  const t = terms();
  return { ...t, obligations: { ...t.obligations, staffQualifications } };
};

const ENGINEER = 'qual:sales engineer:Pump systems level 2';
const CASHIER = 'qual:cashier:POS basics';
const SERVICE = 'qual:service technician:Valve repair';

describe('an amendment mid-year adds and retires qualifications from its effective date', () => {
  // Signed with two requirements: engineers by 30 June, cashiers by 30 September. From 1 July the
  // amendment drops both and asks for service technicians by 31 October.
  const service: StaffQualification = { role: 'service technician', qualification: 'Valve repair', headcount: 3, deadline: '2026-10-31' };
  const history = amendedTo(
    inForce(withQualifications(engineer('2026-06-30'), cashier('2026-09-30'))),
    withQualifications(service),
    JULY_1,
  );

  it('given the amendment agreed but not yet effective, then the signed requirements stand unchanged', () => {
    const june = obligationsAt(history, '2026-06-15');
    expect(ids(june).filter((id) => id.startsWith('qual:'))).toEqual([ENGINEER, CASHIER]);
    expect(june.filter((o) => o.retired)).toEqual([]);
  });

  it('then from 1 July: the one already due stays as it was, the one not yet due is retired, the new one is added', () => {
    const july = obligationsAt(history, '2026-07-02');
    expect(byId(july, ENGINEER)).toMatchObject({ due: '2026-06-30', termsVersion: 1 });
    expect(byId(july, ENGINEER).retired).toBeUndefined();
    expect(byId(july, CASHIER)).toMatchObject({
      due: '2026-09-30',
      termsVersion: 1,
      retired: { from: JULY_1, reason: 'amendment', termsVersion: 2 },
    });
    expect(byId(july, SERVICE)).toMatchObject({ due: '2026-10-31', termsVersion: 2, headcount: 3, responsibleParty: 'distributor' });
  });

  it('and asking about June again still gives June’s obligations: history is never rewritten', () => {
    expect(obligationsAt(history, '2026-06-15')).toEqual(
      obligationsAt(inForce(withQualifications(engineer('2026-06-30'), cashier('2026-09-30'))), '2026-06-15'),
    );
  });
});

describe('an amendment changes an obligation not yet due in place', () => {
  it('a higher headcount before the deadline: the same obligation (its evidence still counts), defined by the new version', () => {
    const history = amendedTo(
      inForce(withQualifications(engineer('2026-06-30', 2))),
      withQualifications(engineer('2026-06-30', 3)),
      APRIL_1,
    );
    expect(byId(obligationsAt(history, '2026-04-02'), ENGINEER)).toMatchObject({ headcount: 3, termsVersion: 2, due: '2026-06-30' });
  });

  it('the same change after the deadline leaves the obligation as it was', () => {
    const history = amendedTo(
      inForce(withQualifications(engineer('2026-06-30', 2))),
      withQualifications(engineer('2026-06-30', 3)),
      JULY_1,
    );
    expect(byId(obligationsAt(history, '2026-07-02'), ENGINEER)).toMatchObject({ headcount: 2, termsVersion: 1 });
  });

  it('an amendment that leaves it untouched keeps the version that defined it', () => {
    const history = amendedTo(inForce(), terms({ handOverDays: 21 }), APRIL_1);
    expect(byId(obligationsAt(history, '2026-04-02'), ENGINEER).termsVersion).toBe(1);
  });

  it('a requirement dropped and restored before its deadline is owed again, under the same id', () => {
    const dropped = amendedTo(inForce(), withQualifications(), APRIL_1);
    const restored = amendedTo(dropped, terms(), '2026-05-01T00:00:00.000Z');
    expect(byId(obligationsAt(dropped, '2026-04-02'), ENGINEER).retired).toBeDefined();
    const may = byId(obligationsAt(restored, '2026-05-02'), ENGINEER);
    expect(may.retired).toBeUndefined();
    expect(may.termsVersion).toBe(3);
  });
});

describe('an amendment gives a missed deadline a new one', () => {
  const history = amendedTo(inForce(withQualifications(engineer('2026-03-31'))), withQualifications(engineer('2026-09-30')), JULY_1);

  it('the missed obligation stays on record as it was, and a new one is due on the new deadline', () => {
    const july = obligationsAt(history, '2026-07-02');
    expect(byId(july, ENGINEER)).toMatchObject({ due: '2026-03-31', termsVersion: 1 });
    expect(byId(july, `${ENGINEER}:v2`)).toMatchObject({ due: '2026-09-30', termsVersion: 2, headcount: 2 });
  });

  it('an amendment never creates an obligation already due when it takes effect', () => {
    const late = amendedTo(inForce(withQualifications()), withQualifications(cashier('2026-05-31')), JULY_1);
    expect(ids(obligationsAt(late, '2026-07-02'))).not.toContain(CASHIER);
  });
});

describe('an amendment of the communication procedure', () => {
  const communication = terms().communication;

  it('a new due day moves the reports not yet due; earlier ones stay', () => {
    const history = amendedTo(inForce(), terms({ communication: { ...communication, reportDueDay: 15 } }), APRIL_1);
    const april = obligationsAt(history, '2026-04-02');
    expect(byId(april, 'report:2026-02')).toMatchObject({ due: '2026-03-10', termsVersion: 1 });
    expect(byId(april, 'report:2026-03')).toMatchObject({ due: '2026-04-15', termsVersion: 2 });
    expect(byId(april, 'report:2026-04')).toMatchObject({ due: '2026-05-15', termsVersion: 2 });
  });

  it('monthly to quarterly from April: March’s report is retired, Q1’s is expected instead, no monthly ones after', () => {
    const history = amendedTo(inForce(), terms({ communication: { ...communication, reportingCadence: 'quarterly' } }), APRIL_1);
    const reports = obligationsAt(history, '2026-07-15').filter((o) => o.kind === 'report');
    expect(reports.map((o) => [o.id, o.due, o.termsVersion, o.retired?.reason])).toEqual([
      ['report:2026-01', '2026-02-10', 1, undefined],
      ['report:2026-02', '2026-03-10', 1, undefined],
      ['report:2026-03', '2026-04-10', 1, 'amendment'],
      ['report:2026-Q1', '2026-04-10', 2, undefined],
      ['report:2026-Q2', '2026-07-10', 2, undefined],
      ['report:2026-Q3', '2026-10-10', 2, undefined],
    ]);
  });

  it('quarterly to monthly meetings from mid-May: the second quarter’s meeting is retired; May’s (due after the amendment) and later ones are expected', () => {
    const history = amendedTo(
      inForce(),
      terms({ communication: { ...communication, meetingCadence: 'monthly' } }),
      '2026-05-15T00:00:00.000Z',
    );
    const meetings = obligationsAt(history, '2026-06-01').filter((o) => o.kind === 'meeting');
    expect(meetings.map((o) => [o.id, o.retired?.reason])).toEqual([
      ['meeting:2026-Q1', undefined],
      ['meeting:2026-05', undefined],
      ['meeting:2026-06', undefined],
      ['meeting:2026-Q2', 'amendment'],
    ]);
  });
});

describe('an amendment of the sales scripts', () => {
  const withScript = (version: string): PolicyTerms => {
    const t = terms();
    return {
      ...t,
      obligations: {
        ...t.obligations,
        salesScripts: [{ title: 'First call', version, documentRef: `doc://scripts/first-call/${version}` }],
      },
    };
  };

  it('a new script version is adopted within 30 days of the amendment; the old one stays as it was', () => {
    const obligations = obligationsAt(amendedTo(inForce(), withScript('3.2'), APRIL_1), '2026-04-02');
    expect(byId(obligations, SCRIPT)).toMatchObject({ due: '2026-01-31', termsVersion: 1 });
    expect(byId(obligations, SCRIPT).retired).toBeUndefined();
    expect(byId(obligations, 'script:First call:3.2')).toMatchObject({ due: '2026-05-01', termsVersion: 2 });
  });

  it('replaced before its adoption was due: the old version is retired', () => {
    const obligations = obligationsAt(amendedTo(inForce(), withScript('3.2'), '2026-01-15T00:00:00.000Z'), '2026-01-16');
    expect(byId(obligations, SCRIPT).retired).toMatchObject({ reason: 'amendment', termsVersion: 2 });
    expect(byId(obligations, 'script:First call:3.2').due).toBe('2026-02-14');
  });

  it('an amendment that keeps the script keeps its adoption date', () => {
    const obligations = obligationsAt(amendedTo(inForce(), terms({ handOverDays: 21 }), '2026-01-15T00:00:00.000Z'), '2026-01-16');
    expect(byId(obligations, SCRIPT)).toMatchObject({ due: '2026-01-31', termsVersion: 1 });
  });
});

describe('versions that never governed', () => {
  it('a version replaced at the instant it took effect creates nothing, not even retired obligations', () => {
    const first = amendedTo(inForce(), withQualifications(engineer('2026-06-30'), cashier('2026-09-30')), APRIL_1);
    const both = amendedTo(first, terms(), APRIL_1);
    const obligations = obligationsAt(both, '2026-04-02');
    expect(ids(obligations)).not.toContain(CASHIER);
    expect(byId(obligations, ENGINEER).termsVersion).toBe(1);
  });
});
