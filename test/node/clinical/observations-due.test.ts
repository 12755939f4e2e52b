import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { observationsDue } from '../../../clinical/index.js';
import type { Patient } from '../../../model/index.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2024-03-01T12:00:00Z');
const patient = (fields: Partial<Patient> = {}): Patient => ({ resourceType: 'Patient', id: 'p1', ...fields });

describe('observations due', () => {
  it('is overdue once the newest set is older than the interval, and says by how long', () => {
    assert.deepEqual(observationsDue({ newest: '2024-03-01T07:00:00Z', now: NOW, everyMinutes: 240 }), { state: 'overdue', minutesSince: 300 });
    assert.deepEqual(observationsDue({ newest: '2024-03-01T08:00:00Z', now: NOW, everyMinutes: 240 }), { state: 'not-due' }, 'exactly on time');
    assert.deepEqual(observationsDue({ newest: '2024-03-01T09:00:00Z', now: NOW, everyMinutes: 240, patient: patient({ deceasedBoolean: false }) }), { state: 'not-due' });
  });

  it('is never overdue with no set recorded, or with the interval turned off', () => {
    assert.deepEqual(observationsDue({ now: NOW, everyMinutes: 240 }), { state: 'not-due' });
    assert.deepEqual(observationsDue({ newest: new Date(NOW - 30 * 24 * HOUR).toISOString(), now: NOW, everyMinutes: 0 }), { state: 'not-due' });
  });

  it('has nothing due for a patient who has died, with the date when it is recorded', () => {
    const old = new Date(NOW - 40 * 365 * 24 * HOUR).toISOString();
    assert.deepEqual(observationsDue({ newest: old, now: NOW, everyMinutes: 240, patient: patient({ deceasedDateTime: '1979-11-07T10:00:00Z' }) }),
      { state: 'died', date: '1979-11-07T10:00:00Z' });
    assert.deepEqual(observationsDue({ newest: old, now: NOW, everyMinutes: 240, patient: patient({ deceasedDateTime: '1979-11' }) }),
      { state: 'died', date: '1979-11' }, 'a partial date, as recorded');
    assert.deepEqual(observationsDue({ newest: old, now: NOW, everyMinutes: 240, patient: patient({ deceasedBoolean: true }) }), { state: 'died' });
    assert.deepEqual(observationsDue({ now: NOW, everyMinutes: 0, patient: patient({ deceasedBoolean: true }) }), { state: 'died' }, 'whatever the interval');
  });
});
