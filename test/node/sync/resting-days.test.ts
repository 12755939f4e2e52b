import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restingDays } from '../../../sync/day-visits.js';

// Which of a chart's documents rest between visits: the days of
// observations past the newest ones, never the core document or a note.

describe('restingDays', () => {
  const names = [
    'emr/pat-1/core',
    'emr/pat-1/note/n-1',
    'emr/pat-1/observations/2024-03-02',
    'emr/pat-1/observations/2023-12-31',
    'emr/pat-1/observations/2024-03-10',
    'emr/pat-1/observations/2024-01-15',
  ];

  it('rests every day but the newest ones, whatever order they are listed in', () => {
    assert.deepEqual([...restingDays(names, 2)].sort(), [
      'emr/pat-1/observations/2023-12-31',
      'emr/pat-1/observations/2024-01-15',
    ]);
  });

  it('rests nothing when the chart has no more days than are kept live, and every day when none is', () => {
    assert.deepEqual([...restingDays(names, 4)], []);
    assert.deepEqual([...restingDays(names, 0)].length, 4);
  });
});
