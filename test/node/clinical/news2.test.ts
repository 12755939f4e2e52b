import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  news2,
  news2Inputs,
  news2MonitoringMinutes,
  scoreAirOrOxygen,
  scoreConsciousness,
  scorePulse,
  scoreRespirationRate,
  scoreSpo2Scale1,
  scoreSpo2Scale2,
  scoreSystolicBp,
  scoreTemperature,
  type News2Input,
} from '../../../clinical/index.js';
import type { Observation } from '../../../model/index.js';
import { LOINC } from '../../../model/index.js';
import { vital } from './helpers.js';

// NEWS2 (Royal College of Physicians, 2017), Chart 1: every band boundary of
// every parameter, both sides.

function scores(score: (value: number) => number | undefined, expected: Array<[number, number]>) {
  for (const [value, want] of expected) assert.equal(score(value), want, `${value} → ${want}`);
}

/** A patient with every parameter scoring 0, to vary one at a time. */
const WELL: News2Input = {
  respirationRate: 16,
  spo2: 97,
  onOxygen: false,
  systolicBp: 125,
  pulse: 78,
  consciousness: 'A',
  temperature: 37.0,
};

describe('NEWS2 Chart 1: each parameter', () => {
  it('respiration rate: ≤8 → 3, 9–11 → 1, 12–20 → 0, 21–24 → 2, ≥25 → 3', () => {
    scores(scoreRespirationRate, [
      [0, 3],
      [8, 3],
      [9, 1],
      [11, 1],
      [12, 0],
      [20, 0],
      [21, 2],
      [24, 2],
      [25, 3],
      [40, 3],
    ]);
  });

  it('SpO₂ scale 1: ≤91 → 3, 92–93 → 2, 94–95 → 1, ≥96 → 0', () => {
    scores(scoreSpo2Scale1, [
      [70, 3],
      [91, 3],
      [92, 2],
      [93, 2],
      [94, 1],
      [95, 1],
      [96, 0],
      [100, 0],
    ]);
  });

  it('SpO₂ scale 2 below 93, whatever the oxygen: ≤83 → 3, 84–85 → 2, 86–87 → 1, 88–92 → 0', () => {
    for (const onOxygen of [true, false, undefined]) {
      scores(
        (s) => scoreSpo2Scale2(s, onOxygen),
        [
          [83, 3],
          [84, 2],
          [85, 2],
          [86, 1],
          [87, 1],
          [88, 0],
          [92, 0],
        ],
      );
    }
  });

  it('SpO₂ scale 2 from 93 on oxygen: 93–94 → 1, 95–96 → 2, ≥97 → 3', () => {
    scores(
      (s) => scoreSpo2Scale2(s, true),
      [
        [93, 1],
        [94, 1],
        [95, 2],
        [96, 2],
        [97, 3],
        [100, 3],
      ],
    );
  });

  it('SpO₂ scale 2 from 93 on air: 0; and unknown when oxygen is unknown', () => {
    scores(
      (s) => scoreSpo2Scale2(s, false),
      [
        [93, 0],
        [97, 0],
        [100, 0],
      ],
    );
    assert.equal(scoreSpo2Scale2(95, undefined), undefined);
  });

  it('air or oxygen: oxygen → 2, air → 0', () => {
    assert.equal(scoreAirOrOxygen(true), 2);
    assert.equal(scoreAirOrOxygen(false), 0);
  });

  it('systolic blood pressure: ≤90 → 3, 91–100 → 2, 101–110 → 1, 111–219 → 0, ≥220 → 3', () => {
    scores(scoreSystolicBp, [
      [60, 3],
      [90, 3],
      [91, 2],
      [100, 2],
      [101, 1],
      [110, 1],
      [111, 0],
      [219, 0],
      [220, 3],
      [260, 3],
    ]);
  });

  it('pulse: ≤40 → 3, 41–50 → 1, 51–90 → 0, 91–110 → 1, 111–130 → 2, ≥131 → 3', () => {
    scores(scorePulse, [
      [30, 3],
      [40, 3],
      [41, 1],
      [50, 1],
      [51, 0],
      [90, 0],
      [91, 1],
      [110, 1],
      [111, 2],
      [130, 2],
      [131, 3],
      [180, 3],
    ]);
  });

  it('consciousness: alert → 0; new confusion, voice, pain, unresponsive → 3', () => {
    assert.equal(scoreConsciousness('A'), 0);
    for (const level of ['C', 'V', 'P', 'U', 'not-alert'] as const)
      assert.equal(scoreConsciousness(level), 3, level);
  });

  it('temperature: ≤35.0 → 3, 35.1–36.0 → 1, 36.1–38.0 → 0, 38.1–39.0 → 1, ≥39.1 → 2', () => {
    scores(scoreTemperature, [
      [33, 3],
      [35.0, 3],
      [35.1, 1],
      [36.0, 1],
      [36.1, 0],
      [38.0, 0],
      [38.1, 1],
      [39.0, 1],
      [39.1, 2],
      [41, 2],
    ]);
  });

  it("values between the chart's steps take the more alarming row (whole numbers; temperature to 0.1)", () => {
    scores(scoreTemperature, [
      [36.04, 1],
      [36.05, 1],
      [38.04, 1],
      [38.05, 1],
      [35.04, 3],
    ]);
    scores(scoreRespirationRate, [
      [20.4, 2],
      [20.5, 2],
      [8.4, 3],
      [8.5, 3],
    ]);
    scores(scoreSpo2Scale1, [
      [95.5, 1],
      [95.4, 1],
    ]);
  });
});

describe('NEWS2 aggregate, risk and response', () => {
  it('worked example: RR 24, SpO₂ 93% on air, BP 100, pulse 115, new confusion, 38.5 °C → 12, high risk', () => {
    const result = news2({
      respirationRate: 24,
      spo2: 93,
      onOxygen: false,
      systolicBp: 100,
      pulse: 115,
      consciousness: 'C',
      temperature: 38.5,
    });
    assert.deepEqual(result.scores, {
      'respiration-rate': 2,
      spo2: 2,
      'air-or-oxygen': 0,
      'systolic-bp': 2,
      pulse: 2,
      consciousness: 3,
      temperature: 1,
    });
    assert.equal(result.complete, true);
    assert.equal(result.total, 12);
    assert.equal(result.redScore, true);
    assert.equal(result.risk, 'high');
    assert.equal(result.label, 'NEWS2 12: high clinical risk');
    assert.equal(result.response?.threshold, 'Urgent or emergency response');
    assert.equal(result.response?.monitoring, 'Continuous monitoring of vital signs');
  });

  it('a well patient scores 0: low risk, minimum 12-hourly observations', () => {
    const result = news2(WELL);
    assert.equal(result.total, 0);
    assert.equal(result.risk, 'low');
    assert.equal(result.response?.monitoring, 'Minimum 12-hourly');
    assert.equal(result.label, 'NEWS2 0: low clinical risk');
  });

  it('1–4 with no red score: low risk, minimum 4–6-hourly, the registered nurse assesses', () => {
    const result = news2({ ...WELL, pulse: 95, temperature: 38.3 }); // 1 + 1
    assert.equal(result.total, 2);
    assert.equal(result.risk, 'low');
    assert.equal(result.response?.monitoring, 'Minimum 4–6-hourly');
    assert.match(
      result.response!.actions[0]!,
      /Inform registered nurse, who must assess the patient/,
    );
  });

  it('a 3 in a single parameter with a total under 5: low–medium, urgent ward-based response', () => {
    const result = news2({ ...WELL, systolicBp: 88 });
    assert.equal(result.total, 3);
    assert.equal(result.redScore, true);
    assert.equal(result.risk, 'low-medium');
    assert.equal(result.label, 'NEWS2 3: low–medium clinical risk');
    assert.equal(result.response?.threshold, 'Urgent ward-based response');
    assert.equal(result.response?.monitoring, 'Minimum 1-hourly');
  });

  it('5–6: medium, the key threshold for an urgent response', () => {
    const five = news2({ ...WELL, respirationRate: 22, spo2: 95, systolicBp: 105, pulse: 95 }); // 2 + 1 + 1 + 1
    assert.equal(five.total, 5);
    assert.equal(five.risk, 'medium');
    assert.equal(five.response?.threshold, 'Key threshold for urgent response');
    const six = news2({
      ...WELL,
      respirationRate: 22,
      spo2: 95,
      systolicBp: 105,
      pulse: 95,
      temperature: 38.2,
    });
    assert.equal(six.total, 6);
    assert.equal(six.risk, 'medium');
  });

  it('a red score inside a total of 5–6 is medium, not low–medium', () => {
    const result = news2({ ...WELL, consciousness: 'V', respirationRate: 22 }); // 3 + 2
    assert.equal(result.total, 5);
    assert.equal(result.risk, 'medium');
  });

  it('7 or more: high, emergency assessment', () => {
    const result = news2({ ...WELL, respirationRate: 25, onOxygen: true, spo2: 94, pulse: 91 }); // 3 + 2 + 1 + 1
    assert.equal(result.total, 7);
    assert.equal(result.risk, 'high');
    assert.match(result.response!.actions.join(' '), /critical care competencies/);
  });
});

describe('NEWS2 Chart 4: the longest wait until the next set', () => {
  const wait = (input: Partial<News2Input>) => news2MonitoringMinutes(news2({ ...WELL, ...input }));

  it('12-hourly at 0, 4–6-hourly (6 h at most) at 1–4, hourly at 5 or more or for a 3 in one parameter, hourly at least when continuous', () => {
    assert.equal(wait({}), 720, 'NEWS2 0');
    assert.equal(wait({ temperature: 38.5 }), 360, 'NEWS2 1');
    assert.equal(
      wait({ respirationRate: 22, temperature: 38.5, pulse: 95 }),
      360,
      'NEWS2 4, no single 3',
    );
    assert.equal(wait({ respirationRate: 25 }), 60, 'NEWS2 3 from one parameter');
    assert.equal(wait({ respirationRate: 22, pulse: 115, temperature: 38.5 }), 60, 'NEWS2 5');
    assert.equal(
      wait({ respirationRate: 25, pulse: 115, temperature: 39.5 }),
      60,
      'NEWS2 7: continuous monitoring',
    );
  });

  it('counts an incomplete set at the least it can score', () => {
    const { temperature: _missing, ...noTemperature } = WELL;
    assert.equal(news2MonitoringMinutes(news2(noTemperature)), 720, 'a partial sum of 0');
    assert.equal(
      news2MonitoringMinutes(news2({ ...noTemperature, respirationRate: 22 })),
      360,
      'a partial sum of 2',
    );
    assert.equal(
      news2MonitoringMinutes(news2({ ...noTemperature, respirationRate: 22, pulse: 135 })),
      60,
      'a partial sum of 5: at least medium',
    );
    assert.equal(news2MonitoringMinutes(news2({ pulse: 135 })), 60, 'one parameter, scoring 3');
  });
});

describe('NEWS2 scale 2 (hypercapnic respiratory failure)', () => {
  const copd: News2Input = { ...WELL, spo2Scale: 2 };

  it('SpO₂ 90% on 2 L oxygen: 0 on scale 2 (in target), where scale 1 would score 3', () => {
    const scale2 = news2({ ...copd, spo2: 90, onOxygen: true });
    assert.equal(scale2.scores.spo2, 0);
    assert.equal(scale2.total, 2, 'oxygen still scores 2');
    assert.equal(scale2.risk, 'low');
    const scale1 = news2({ ...WELL, spo2: 90, onOxygen: true });
    assert.equal(scale1.total, 5);
    assert.equal(scale1.risk, 'medium');
  });

  it('SpO₂ 97% on oxygen scores 3 (over-oxygenated); 97% on air scores 0', () => {
    assert.equal(news2({ ...copd, spo2: 97, onOxygen: true }).total, 5);
    assert.equal(news2({ ...copd, spo2: 97, onOxygen: true }).redScore, true);
    assert.equal(news2({ ...copd, spo2: 97, onOxygen: false }).total, 0);
    assert.equal(news2({ ...copd, spo2: 93, onOxygen: true }).scores.spo2, 1);
    assert.equal(news2({ ...copd, spo2: 95, onOxygen: true }).scores.spo2, 2);
  });

  it('the result says which scale was used', () => {
    assert.equal(news2(copd).scale, 2);
    assert.equal(news2(WELL).scale, 1);
  });
});

describe('NEWS2 with missing parameters', () => {
  it('no aggregate: the missing parameters are named and the partial sum is labelled as not a NEWS2', () => {
    const result = news2({ ...WELL, temperature: undefined, pulse: 120 });
    assert.equal(result.complete, false);
    assert.equal(result.total, undefined);
    assert.equal(result.risk, undefined);
    assert.equal(result.response, undefined);
    assert.deepEqual(result.missing, ['temperature']);
    assert.equal(result.partialSum, 2);
    assert.equal(
      result.label,
      'NEWS2 incomplete, missing temperature. Partial sum 2 (not a NEWS2)',
    );
  });

  it('the partial sum is a lower bound: it can show the risk is at least high, never that it is low', () => {
    const result = news2({ respirationRate: 26, pulse: 135, systolicBp: 95 }); // 3 + 3 + 2
    assert.equal(result.complete, false);
    assert.deepEqual(result.missing, ['spo2', 'air-or-oxygen', 'consciousness', 'temperature']);
    assert.equal(result.minimumRisk, 'high');
    assert.equal(
      result.label,
      'NEWS2 incomplete, missing SpO₂, air or oxygen, consciousness and temperature. Partial sum 8 (not a NEWS2): at least high clinical risk',
    );
    assert.equal(news2({ systolicBp: 85 }).minimumRisk, 'low-medium');
  });

  it('scale 2 with SpO₂ 93% or more and oxygen unknown cannot score SpO₂', () => {
    const result = news2({ ...WELL, spo2Scale: 2, spo2: 95, onOxygen: undefined });
    assert.deepEqual(result.missing, ['spo2', 'air-or-oxygen']);
    assert.equal(result.scores.spo2, undefined);
  });

  it('a value that is not a finite number is missing, not zero', () => {
    assert.deepEqual(news2({ ...WELL, pulse: Number.NaN }).missing, ['pulse']);
  });
});

describe('NEWS2 inputs from observations', () => {
  const coded = (code: string, text: string): Observation => ({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: LOINC, code }] },
    valueCodeableConcept: { text },
  });
  const bp = (systolic: number): Observation => ({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: LOINC, code: '85354-9' }] },
    component: [
      {
        code: { coding: [{ system: LOINC, code: '8480-6' }] },
        valueQuantity: { value: systolic, code: 'mm[Hg]' },
      },
    ],
  });

  it('reads one set of observations, first reading of each sign winning, and scores the worked example', () => {
    const set = [
      vital('9279-1', 24, '/min'),
      vital('59408-5', 93, '%'),
      vital('3151-8', 0, 'L/min'),
      bp(100),
      vital('8867-4', 115, '/min'),
      coded('67775-7', 'New confusion'),
      vital('8310-5', 101.3, '[degF]'),
      vital('8867-4', 70, '/min'), // older, ignored
    ];
    const { input, consciousnessFromGcs } = news2Inputs(set);
    assert.deepEqual(input, {
      respirationRate: 24,
      spo2: 93,
      onOxygen: false,
      systolicBp: 100,
      pulse: 115,
      consciousness: 'C',
      temperature: 38.5,
      spo2Scale: 1,
    });
    assert.equal(consciousnessFromGcs, undefined);
    assert.equal(news2(input).total, 12);
  });

  it('skips entered-in-error readings', () => {
    const { input } = news2Inputs([
      vital('8867-4', 140, '/min', { status: 'entered-in-error' }),
      vital('8867-4', 80, '/min'),
    ]);
    assert.equal(input.pulse, 80);
  });

  it('falls back to GCS when no ACVPU was recorded: 15 is alert, below 15 is not alert (scores 3), and says so', () => {
    assert.equal(news2Inputs([vital('9269-2', 15, '{score}')]).input.consciousness, 'A');
    const drowsy = news2Inputs([vital('9269-2', 13, '{score}')]);
    assert.equal(drowsy.input.consciousness, 'not-alert');
    assert.equal(drowsy.consciousnessFromGcs, 13);
    assert.equal(
      news2({ ...WELL, consciousness: drowsy.input.consciousness }).scores.consciousness,
      3,
    );
  });

  it('passes the scale on', () => {
    assert.equal(news2Inputs([], { spo2Scale: 2 }).input.spo2Scale, 2);
  });
});
