import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  news2,
  scorePulse,
  scoreRespirationRate,
  scoreSpo2Scale1,
  scoreSpo2Scale2,
  scoreSystolicBp,
  scoreTemperature,
  type News2Input,
} from '../../../clinical/index.js';

// NEWS2 Chart 1 is written in whole numbers (temperature to one decimal). A
// value between two rows scores as the more alarming of the two; it is never
// rounded into the less alarming one.

describe('NEWS2: values between two rows of the chart', () => {
  it('takes the more alarming row, at lower and upper boundaries alike', () => {
    const cases: Array<[string, (v: number) => number | undefined, number, number]> = [
      ['resp rate 20.5 (12–20 → 0, 21–24 → 2)', scoreRespirationRate, 20.5, 2],
      ['resp rate 8.5 (≤8 → 3, 9–11 → 1)', scoreRespirationRate, 8.5, 3],
      ['resp rate 11.4 (9–11 → 1, 12–20 → 0)', scoreRespirationRate, 11.4, 1],
      ['SpO₂ 91.5 (≤91 → 3, 92–93 → 2)', scoreSpo2Scale1, 91.5, 3],
      ['SpO₂ 95.9 (94–95 → 1, ≥96 → 0)', scoreSpo2Scale1, 95.9, 1],
      ['systolic 100.5 (91–100 → 2, 101–110 → 1)', scoreSystolicBp, 100.5, 2],
      ['systolic 219.5 (111–219 → 0, ≥220 → 3)', scoreSystolicBp, 219.5, 3],
      ['pulse 90.5 (51–90 → 0, 91–110 → 1)', scorePulse, 90.5, 1],
      ['pulse 50.5 (41–50 → 1, 51–90 → 0)', scorePulse, 50.5, 1],
      ['temperature 35.05 (≤35.0 → 3, 35.1–36.0 → 1)', scoreTemperature, 35.05, 3],
      ['temperature 36.04 (35.1–36.0 → 1, 36.1–38.0 → 0)', scoreTemperature, 36.04, 1],
      ['temperature 38.05 (36.1–38.0 → 0, 38.1–39.0 → 1)', scoreTemperature, 38.05, 1],
      [
        'SpO₂ scale 2 on oxygen 94.5 (93–94 → 1, 95–96 → 2)',
        (v) => scoreSpo2Scale2(v, true),
        94.5,
        2,
      ],
      ['SpO₂ scale 2 83.5 (≤83 → 3, 84–85 → 2)', (v) => scoreSpo2Scale2(v, false), 83.5, 3],
    ];
    for (const [name, score, value, want] of cases) assert.equal(score(value), want, name);
  });

  it('scores a value on the chart as written, floating-point noise included', () => {
    assert.equal(scoreTemperature(36.1), 0);
    assert.equal(scoreTemperature(0.1 + 0.2 + 35.8), 0, '36.1 with binary noise');
    assert.equal(scoreTemperature(35.1), 1);
    assert.equal(scoreSpo2Scale1(92), 2);
  });

  it('leaves SpO₂ scale 2 unscored when one of the rows around it needs the oxygen that is unknown', () => {
    assert.equal(scoreSpo2Scale2(92.5, undefined), undefined);
  });

  it('puts SpO₂ 91.5 into the red score', () => {
    const result = news2({
      respirationRate: 16,
      spo2: 91.5,
      onOxygen: false,
      systolicBp: 125,
      pulse: 78,
      consciousness: 'A',
      temperature: 37,
    });
    assert.equal(result.scores.spo2, 3);
    assert.equal(result.redScore, true);
  });

  // Property: between any two neighbouring chart values (every pair in the
  // range, so every boundary is visited), the score is the worse of theirs.
  const parameters: Array<[string, (v: number) => number | undefined, number, number, number]> = [
    ['respiration rate', scoreRespirationRate, 0, 60, 0],
    ['SpO₂ scale 1', scoreSpo2Scale1, 50, 100, 0],
    ['SpO₂ scale 2 on oxygen', (v) => scoreSpo2Scale2(v, true), 50, 100, 0],
    ['systolic', scoreSystolicBp, 40, 300, 0],
    ['pulse', scorePulse, 20, 250, 0],
    ['temperature', scoreTemperature, 30, 43, 1],
  ];
  for (const [name, score, min, max, decimals] of parameters) {
    it(`${name}: a value between two chart values never scores less than either`, () => {
      const steps = 10 ** decimals;
      fc.assert(
        fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (fraction) => {
          for (let i = min * steps; i < max * steps; i++) {
            const lower = i / steps;
            const upper = (i + 1) / steps;
            const between = (i + fraction) / steps;
            assert.equal(
              score(between),
              Math.max(score(lower) ?? -1, score(upper) ?? -1),
              `${between}`,
            );
          }
        }),
        { numRuns: 40 },
      );
    });
  }

  it('scores whole inputs exactly as Chart 1 does', () => {
    const input: News2Input = {
      respirationRate: 21,
      spo2: 96,
      onOxygen: false,
      systolicBp: 111,
      pulse: 51,
      consciousness: 'A',
      temperature: 36.1,
    };
    assert.equal(news2(input).total, 2);
  });
});
