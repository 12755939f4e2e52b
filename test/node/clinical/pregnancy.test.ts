import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_PREGNANCY_WEEKS,
  POSTPARTUM_DAYS,
  pregnancyPeriods,
  pregnancyStateAt,
} from '../../../clinical/index.js';
import {
  CONDITION_CLINICAL,
  CONDITION_VERIFICATION,
  LOINC,
  SNOMED,
  type Condition,
  type Observation,
} from '../../../model/index.js';

const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';

function condition(system: string, code: string, fields: Partial<Condition> = {}): Condition {
  return {
    resourceType: 'Condition',
    id: 'c1',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system, code }] },
    ...fields,
  };
}
const status = (clinical: string) => ({
  clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: clinical }] },
});
const verified = (verification: string) => ({
  verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: verification }] },
});
const pregnantAt = (conditions: Condition[], at: string) =>
  pregnancyStateAt(pregnancyPeriods(conditions), at) === 'pregnancy';

/** A Pregnancy status observation as US Core records it. */
function pregnancyStatus(
  value: string,
  at: string,
  fields: Partial<Observation> = {},
): Observation {
  return {
    resourceType: 'Observation',
    id: `status-${at}`,
    status: 'final',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: LOINC, code: '82810-3', display: 'Pregnancy status' }] },
    effectiveDateTime: at,
    valueCodeableConcept: { coding: [{ system: SNOMED, code: value }] },
    ...fields,
  };
}
const PREGNANT = '77386006';
const NOT_PREGNANT = '60001007';
const UNKNOWN = '261665006';

describe('pregnancy, and when NEWS2 does not apply', () => {
  it('is pregnant from onset to abatement, as Synthea records a normal pregnancy', () => {
    const synthea = condition(SNOMED, '72892002', {
      ...status('resolved'),
      onsetDateTime: '2016-08-11T04:33:40+00:00',
      abatementDateTime: '2016-09-01T04:33:40+00:00',
    });
    assert.equal(pregnantAt([synthea], '2016-08-11T04:33:40Z'), true, 'at onset');
    assert.equal(pregnantAt([synthea], '2016-08-20T10:00:00Z'), true);
    assert.equal(pregnantAt([synthea], '2016-08-11T04:00:00Z'), false, 'before onset');
    assert.equal(pregnantAt([synthea], '2016-09-01T04:33:40Z'), false, 'from abatement on');
    assert.equal(pregnantAt([synthea], '2017-04-13T04:33:40Z'), false, 'months later');
  });

  it('reads SNOMED CT findings exactly and ICD-10 codes by category', () => {
    const at = '2024-03-01T08:00:00Z';
    const onset = { onsetDateTime: '2024-01-10' };
    assert.equal(
      pregnantAt([condition(SNOMED, '77386006', onset)], at),
      true,
      'pregnant (finding)',
    );
    assert.equal(
      pregnantAt([condition(SNOMED, '47200007', onset)], at),
      true,
      'high-risk pregnancy',
    );
    assert.equal(
      pregnantAt([condition(ICD10, 'Z34.0', onset)], at),
      true,
      'supervision of a first normal pregnancy',
    );
    assert.equal(pregnantAt([condition(ICD10, 'Z33', onset)], at), true);
    assert.equal(
      pregnantAt([condition(ICD10CM, 'O09.511', onset)], at),
      true,
      'supervision of an elderly primigravida',
    );
    assert.equal(
      pregnantAt([condition(ICD10CM, 'Z33.2', onset)], at),
      false,
      'an encounter for termination is not itself the pregnant state',
    );
    assert.equal(pregnantAt([condition(SNOMED, '44054006', onset)], at), false, 'diabetes');
    assert.equal(
      pregnantAt([condition(SNOMED, '7738600', onset)], at),
      false,
      'a SNOMED code is not a prefix',
    );
    assert.equal(
      pregnantAt([condition('__proto__', 'Z34', onset), condition('', '77386006', onset)], at),
      false,
      'unknown or missing systems',
    );
  });

  it('ignores a pregnancy that was refuted or entered in error', () => {
    const onset = { onsetDateTime: '2024-01-10' };
    assert.equal(
      pregnantAt(
        [condition(SNOMED, '77386006', { ...onset, ...verified('refuted') })],
        '2024-03-01',
      ),
      false,
    );
    assert.equal(
      pregnantAt(
        [condition(SNOMED, '77386006', { ...onset, ...verified('entered-in-error') })],
        '2024-03-01',
      ),
      false,
    );
    assert.equal(
      pregnantAt(
        [condition(SNOMED, '77386006', { ...onset, ...verified('provisional') })],
        '2024-03-01',
      ),
      true,
      'a provisional one counts',
    );
  });

  it(`lasts at most ${MAX_PREGNANCY_WEEKS} weeks from onset when no end is recorded, active or not`, () => {
    const active = condition(SNOMED, '72892002', {
      ...status('active'),
      onsetDateTime: '2024-01-01T00:00:00Z',
    });
    const lastDay = new Date(
      Date.parse('2024-01-01T00:00:00Z') + MAX_PREGNANCY_WEEKS * 7 * 86_400_000 - 1,
    ).toISOString();
    assert.equal(pregnantAt([active], lastDay), true);
    assert.equal(
      pregnantAt([active], '2024-11-05T00:00:00Z'),
      false,
      `${MAX_PREGNANCY_WEEKS} weeks on`,
    );
    assert.equal(
      pregnantAt([active], '2027-01-01T00:00:00Z'),
      false,
      'never marked as over: not pregnant for years',
    );
    const resolved = condition(SNOMED, '72892002', {
      ...status('resolved'),
      onsetDateTime: '2024-01-01T00:00:00Z',
    });
    assert.equal(
      pregnantAt([resolved], '2024-06-01T00:00:00Z'),
      true,
      'resolved, on an unknown date',
    );
  });

  it('widens the period where a date is partial, and places a pregnancy by its recorded date when it has no onset', () => {
    const monthOnly = condition(SNOMED, '77386006', {
      onsetDateTime: '2016-08',
      abatementDateTime: '2016-09-01',
    });
    assert.equal(
      pregnantAt([monthOnly], '2016-07-31T12:00:00Z'),
      true,
      'the first of August somewhere in the world',
    );
    assert.equal(pregnantAt([monthOnly], '2016-07-31T08:00:00Z'), false);
    assert.equal(pregnantAt([monthOnly], '2016-09-01T23:00:00Z'), true, 'all of the last day');
    assert.equal(pregnantAt([monthOnly], '2016-09-02T13:00:00Z'), false);
    const period = condition(SNOMED, '77386006', {
      onsetPeriod: { start: '2020-02-01' },
      abatementPeriod: { start: '2020-08-20', end: '2020-08-21' },
    });
    assert.equal(
      pregnantAt([period], '2020-08-21T18:00:00Z'),
      true,
      'to the end of the abatement period',
    );
    const recorded = condition(SNOMED, '77386006', { recordedDate: '2021-03-04T10:00:00Z' });
    assert.equal(pregnantAt([recorded], '2021-03-05T10:00:00Z'), true);
    assert.equal(pregnantAt([recorded], '2021-03-03T10:00:00Z'), false);
    assert.deepEqual(
      pregnancyPeriods([condition(SNOMED, '77386006', { onsetString: 'in her twenties' })]),
      [],
      'nothing to place it by',
    );
  });

  it('judges a partial set time by its first moment, and an unreadable one as not in pregnancy', () => {
    const conditions = [
      condition(SNOMED, '77386006', {
        onsetDateTime: '2024-01-10T00:00:00Z',
        abatementDateTime: '2024-08-01T00:00:00Z',
      }),
    ];
    assert.equal(pregnantAt(conditions, '2024-03'), true);
    assert.equal(pregnantAt(conditions, 'not a date'), false);
  });

  describe(`in the ${POSTPARTUM_DAYS} days after a pregnancy ends`, () => {
    const DAY = 86_400_000;
    const plus = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();
    const end = '2016-09-01T04:33:40.000Z';
    const synthea = [
      condition(SNOMED, '72892002', {
        onsetDateTime: '2016-01-11T04:33:40+00:00',
        abatementDateTime: end,
      }),
    ];

    it('is postpartum from the recorded end, for six weeks', () => {
      const periods = pregnancyPeriods(synthea);
      assert.equal(pregnancyStateAt(periods, plus(end, -1)), 'pregnancy');
      assert.equal(pregnancyStateAt(periods, end), 'postpartum');
      assert.equal(pregnancyStateAt(periods, plus(end, POSTPARTUM_DAYS * DAY - 1)), 'postpartum');
      assert.equal(
        pregnancyStateAt(periods, plus(end, POSTPARTUM_DAYS * DAY)),
        undefined,
        'six weeks on',
      );
      assert.equal(
        pregnancyStateAt(periods, '2016-01-01T00:00:00Z'),
        undefined,
        'before the pregnancy',
      );
    });

    it('takes the days the host sets: fewer, or none', () => {
      const periods = pregnancyPeriods(synthea);
      assert.equal(pregnancyStateAt(periods, plus(end, 6 * DAY), 7), 'postpartum');
      assert.equal(pregnancyStateAt(periods, plus(end, 8 * DAY), 7), undefined);
      assert.equal(
        pregnancyStateAt(periods, end, 0),
        undefined,
        'none: scored from the end of pregnancy',
      );
      assert.equal(pregnancyStateAt(periods, end, -5), undefined, 'fewer than none is none');
      assert.equal(
        pregnancyStateAt(periods, plus(end, 30 * DAY), Number.NaN),
        'postpartum',
        'not a number: the default',
      );
      assert.equal(
        pregnancyStateAt(periods, plus(end, -1), 0),
        'pregnancy',
        'still withheld in pregnancy',
      );
    });

    it('follows the end a "Not pregnant" gives, and the longest a pregnancy lasts when none is recorded', () => {
      const statuses = [
        pregnancyStatus(PREGNANT, '2024-02-01T09:00:00Z'),
        pregnancyStatus(NOT_PREGNANT, '2024-09-20T09:00:00Z'),
      ];
      assert.equal(
        pregnancyStateAt(pregnancyPeriods([], statuses), '2024-10-01T09:00:00Z'),
        'postpartum',
      );
      assert.equal(
        pregnancyStateAt(pregnancyPeriods([], statuses), '2024-11-01T09:00:00Z'),
        undefined,
      );
      const open = [condition(SNOMED, '72892002', { onsetDateTime: '2024-01-01T00:00:00Z' })];
      assert.equal(
        pregnancyStateAt(pregnancyPeriods(open), '2024-11-05T00:00:00Z'),
        'postpartum',
        `${MAX_PREGNANCY_WEEKS} weeks on, the birth was at the latest then`,
      );
      assert.equal(pregnancyStateAt(pregnancyPeriods(open), '2024-12-20T00:00:00Z'), undefined);
    });

    it('says pregnancy when a new one begins within six weeks of the last', () => {
      const next = condition(SNOMED, '77386006', { onsetDateTime: plus(end, 20 * DAY) });
      assert.equal(
        pregnancyStateAt(pregnancyPeriods([...synthea, next]), plus(end, 21 * DAY)),
        'pregnancy',
      );
    });
  });

  describe('from pregnancy status observations', () => {
    const withStatuses = (statuses: Observation[], at: string, conditions: Condition[] = []) =>
      pregnancyStateAt(pregnancyPeriods(conditions, statuses), at) === 'pregnancy';

    it('is pregnant from a status of "Pregnant" until a later "Not pregnant"', () => {
      const statuses = [
        pregnancyStatus(PREGNANT, '2024-02-01T09:00:00Z'),
        pregnancyStatus(NOT_PREGNANT, '2024-09-20T09:00:00Z'),
      ];
      assert.equal(withStatuses(statuses, '2024-02-01T08:00:00Z'), false, 'before it was observed');
      assert.equal(withStatuses(statuses, '2024-02-01T09:00:00Z'), true);
      assert.equal(withStatuses(statuses, '2024-09-20T08:59:00Z'), true);
      assert.equal(
        withStatuses(statuses, '2024-09-20T09:00:00Z'),
        false,
        'from the "Not pregnant" on',
      );
      assert.equal(
        withStatuses(
          [pregnancyStatus(NOT_PREGNANT, '2024-01-01T09:00:00Z')],
          '2024-03-01T09:00:00Z',
        ),
        false,
        '"Not pregnant" alone',
      );
    });

    it(`lasts at most ${MAX_PREGNANCY_WEEKS} weeks from a "Pregnant" nobody followed up`, () => {
      const statuses = [pregnancyStatus(PREGNANT, '2024-01-01T00:00:00Z')];
      assert.equal(withStatuses(statuses, '2024-10-01T00:00:00Z'), true);
      assert.equal(withStatuses(statuses, '2024-11-05T00:00:00Z'), false);
    });

    it('ends a pregnancy condition with no recorded end at a later "Not pregnant", and never cuts a recorded one short', () => {
      const open = condition(SNOMED, '72892002', {
        ...status('active'),
        onsetDateTime: '2024-01-10T00:00:00Z',
      });
      const notPregnant = [pregnancyStatus(NOT_PREGNANT, '2024-05-01T10:00:00Z')];
      assert.equal(withStatuses(notPregnant, '2024-04-30T10:00:00Z', [open]), true);
      assert.equal(
        withStatuses(notPregnant, '2024-05-02T10:00:00Z', [open]),
        false,
        'after "Not pregnant"',
      );
      assert.equal(
        withStatuses(
          [pregnancyStatus(NOT_PREGNANT, '2024-01-01T10:00:00Z')],
          '2024-03-01T10:00:00Z',
          [open],
        ),
        true,
        'a "Not pregnant" before the onset',
      );
      const ended = condition(SNOMED, '72892002', {
        onsetDateTime: '2024-01-10T00:00:00Z',
        abatementDateTime: '2024-08-01T00:00:00Z',
      });
      assert.equal(
        withStatuses(notPregnant, '2024-06-01T10:00:00Z', [ended]),
        true,
        'the recorded end is trusted',
      );
    });

    it('widens a status observed on a date alone to that whole day, in every time zone', () => {
      const statuses = [
        pregnancyStatus(PREGNANT, '2024-02-01'),
        pregnancyStatus(NOT_PREGNANT, '2024-06-01'),
      ];
      assert.equal(
        withStatuses(statuses, '2024-01-31T12:00:00Z'),
        true,
        'the first of February somewhere in the world',
      );
      assert.equal(
        withStatuses(statuses, '2024-06-01T23:00:00Z'),
        true,
        'all of the day it was found over',
      );
      assert.equal(withStatuses(statuses, '2024-06-02T13:00:00Z'), false);
    });

    it('reads only statuses that say pregnant or not: other codes, values, entered in error and cancelled say nothing', () => {
      const at = '2024-03-01T09:00:00Z';
      const observed = '2024-02-01T09:00:00Z';
      assert.equal(
        withStatuses(
          [
            pregnancyStatus(PREGNANT, observed, {
              code: { coding: [{ system: LOINC, code: '11449-6' }] },
            }),
          ],
          at,
        ),
        true,
        'Pregnancy status – Reported',
      );
      assert.equal(
        withStatuses([pregnancyStatus(PREGNANT, observed, { status: 'preliminary' })], at),
        true,
        'a preliminary one counts',
      );
      assert.equal(withStatuses([pregnancyStatus(UNKNOWN, observed)], at), false, 'unknown');
      assert.equal(
        withStatuses([pregnancyStatus(PREGNANT, observed, { status: 'entered-in-error' })], at),
        false,
      );
      assert.equal(
        withStatuses([pregnancyStatus(PREGNANT, observed, { status: 'cancelled' })], at),
        false,
      );
      assert.equal(
        withStatuses(
          [
            pregnancyStatus(PREGNANT, observed, {
              code: { coding: [{ system: LOINC, code: '8302-2' }] },
            }),
          ],
          at,
        ),
        false,
        'another LOINC code',
      );
      assert.equal(
        withStatuses(
          [
            pregnancyStatus(PREGNANT, observed, {
              code: { coding: [{ system: SNOMED, code: '82810-3' }] },
            }),
          ],
          at,
        ),
        false,
        'the code in another system',
      );
      assert.equal(
        withStatuses([pregnancyStatus('__proto__', observed)], at),
        false,
        'a value named like an object property',
      );
      assert.equal(
        withStatuses([pregnancyStatus(PREGNANT, 'last spring')], at),
        false,
        'no time to place it by',
      );
      const effectivePeriod = pregnancyStatus(PREGNANT, '', {
        effectiveDateTime: undefined,
        effectivePeriod: { start: observed },
      });
      assert.equal(
        withStatuses([effectivePeriod], at),
        true,
        'by the start of its effective period',
      );
    });
  });
});
