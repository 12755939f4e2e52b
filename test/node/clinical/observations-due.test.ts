import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { news2, observationsDue, type News2Input } from '../../../clinical/index.js';
import type { Patient } from '../../../model/index.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2024-03-01T12:00:00Z');
const patient = (fields: Partial<Patient> = {}): Patient => ({
  resourceType: 'Patient',
  id: 'p1',
  ...fields,
});

describe('observations due', () => {
  it('is overdue once the newest set is older than the interval, and says by how long', () => {
    assert.deepEqual(
      observationsDue({ newest: '2024-03-01T07:00:00Z', now: NOW, everyMinutes: 240 }),
      { state: 'overdue', minutesSince: 300, everyMinutes: 240 },
    );
    assert.deepEqual(
      observationsDue({ newest: '2024-03-01T08:00:00Z', now: NOW, everyMinutes: 240 }),
      { state: 'not-due' },
      'exactly on time',
    );
    assert.deepEqual(
      observationsDue({
        newest: '2024-03-01T09:00:00Z',
        now: NOW,
        everyMinutes: 240,
        patient: patient({ deceasedBoolean: false }),
      }),
      { state: 'not-due' },
    );
  });

  describe('when the last NEWS2 asks for the next set sooner (RCP Chart 4)', () => {
    const WELL: News2Input = {
      respirationRate: 16,
      spo2: 97,
      onOxygen: false,
      systolicBp: 125,
      pulse: 78,
      consciousness: 'A',
      temperature: 37.0,
    };
    const score = (input: Partial<News2Input>) => news2({ ...WELL, ...input });
    const news2Of6 = score({ respirationRate: 25, pulse: 115, temperature: 38.5 });
    const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

    it('is overdue an hour after a NEWS2 of 5 or more, or a 3 in one parameter, and says which score set the hour', () => {
      assert.deepEqual(
        observationsDue({
          newest: ago(70),
          scored: { time: ago(70), results: [news2Of6] },
          now: NOW,
          everyMinutes: 240,
        }),
        { state: 'overdue', minutesSince: 70, everyMinutes: 60, news2: news2Of6 },
      );
      assert.deepEqual(
        observationsDue({
          newest: ago(50),
          scored: { time: ago(50), results: [news2Of6] },
          now: NOW,
          everyMinutes: 240,
        }),
        { state: 'not-due' },
      );
      const red = score({ respirationRate: 25 });
      assert.equal(red.total, 3);
      assert.deepEqual(
        observationsDue({
          newest: ago(61),
          scored: { time: ago(61), results: [red] },
          now: NOW,
          everyMinutes: 240,
        }),
        { state: 'overdue', minutesSince: 61, everyMinutes: 60, news2: red },
      );
    });

    it('counts from the scored set: a weight taken since does not reset the hour', () => {
      assert.deepEqual(
        observationsDue({
          newest: ago(10),
          scored: { time: ago(90), results: [news2Of6] },
          now: NOW,
          everyMinutes: 240,
        }),
        { state: 'overdue', minutesSince: 90, everyMinutes: 60, news2: news2Of6 },
      );
    });

    it("keeps the chart's interval when it is the stricter, and stays off when the host turned it off", () => {
      const low = score({ temperature: 38.5 });
      assert.deepEqual(
        observationsDue({
          newest: ago(300),
          scored: { time: ago(300), results: [low] },
          now: NOW,
          everyMinutes: 240,
        }),
        { state: 'overdue', minutesSince: 300, everyMinutes: 240 },
        'NEWS2 1 allows 6 h; the chart asks for 4',
      );
      assert.deepEqual(
        observationsDue({
          newest: ago(300),
          scored: { time: ago(300), results: [low] },
          now: NOW,
          everyMinutes: 720,
        }),
        { state: 'not-due' },
      );
      assert.deepEqual(
        observationsDue({
          newest: ago(400),
          scored: { time: ago(400), results: [low] },
          now: NOW,
          everyMinutes: 720,
        }),
        { state: 'overdue', minutesSince: 400, everyMinutes: 360, news2: low },
        'a 12-hour chart: NEWS2 1 still asks for 6 h',
      );
      assert.deepEqual(
        observationsDue({
          newest: ago(500),
          scored: { time: ago(500), results: [news2Of6] },
          now: NOW,
          everyMinutes: 0,
        }),
        { state: 'not-due' },
      );
    });

    it('takes the stricter of two versions in conflict, never the milder', () => {
      const zero = score({});
      assert.deepEqual(
        observationsDue({
          newest: ago(70),
          scored: { time: ago(70), results: [zero, news2Of6] },
          now: NOW,
          everyMinutes: 240,
        }),
        { state: 'overdue', minutesSince: 70, everyMinutes: 60, news2: news2Of6 },
      );
    });
  });

  it('is never overdue with no set recorded, or with the interval turned off', () => {
    assert.deepEqual(observationsDue({ now: NOW, everyMinutes: 240 }), { state: 'not-due' });
    assert.deepEqual(
      observationsDue({
        newest: new Date(NOW - 30 * 24 * HOUR).toISOString(),
        now: NOW,
        everyMinutes: 0,
      }),
      { state: 'not-due' },
    );
  });

  it('has nothing due for a patient who has died, with the date when it is recorded', () => {
    const old = new Date(NOW - 40 * 365 * 24 * HOUR).toISOString();
    assert.deepEqual(
      observationsDue({
        newest: old,
        now: NOW,
        everyMinutes: 240,
        patient: patient({ deceasedDateTime: '1979-11-07T10:00:00Z' }),
      }),
      { state: 'died', date: '1979-11-07T10:00:00Z' },
    );
    assert.deepEqual(
      observationsDue({
        newest: old,
        now: NOW,
        everyMinutes: 240,
        patient: patient({ deceasedDateTime: '1979-11' }),
      }),
      { state: 'died', date: '1979-11' },
      'a partial date, as recorded',
    );
    assert.deepEqual(
      observationsDue({
        newest: old,
        now: NOW,
        everyMinutes: 240,
        patient: patient({ deceasedBoolean: true }),
      }),
      { state: 'died' },
    );
    assert.deepEqual(
      observationsDue({ now: NOW, everyMinutes: 0, patient: patient({ deceasedBoolean: true }) }),
      { state: 'died' },
      'whatever the interval',
    );
  });
});
