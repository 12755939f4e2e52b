import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  acvpuAnswer,
  acvpuOf,
  news2,
  news2Inputs,
  news2MonitoringMinutes,
  type Acvpu,
} from '../../../clinical/index.js';
import type { Observation } from '../../../model/index.js';
import { LOINC, SNOMED } from '../../../model/index.js';
import { vital } from './helpers.js';

// Every ACVPU code of the published value sets, read with no display text:
// HL7 UK Core ACVPU 2.0.0 (SNOMED CT) and the LOINC answers of 67775-7.

const consciousness = (system: string, code: string): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: LOINC, code: '67775-7' }] },
  valueCodeableConcept: { coding: [{ system, code }] },
});

const UK_CORE: Array<[string, Acvpu]> = [
  ['248234008', 'A'],
  ['130987000', 'C'],
  ['300202002', 'V'],
  ['450847001', 'P'],
  ['422768004', 'U'],
];
const LOINC_67775_7: Array<[string, Acvpu]> = [
  ['LA9340-6', 'A'],
  ['LA17108-4', 'V'],
  ['LA17107-6', 'P'],
  ['LA9343-0', 'U'],
];

describe('ACVPU codes from the published value sets', () => {
  it('reads each UK Core ACVPU SNOMED CT code, with no display', () => {
    for (const [code, level] of UK_CORE)
      assert.equal(acvpuOf(consciousness(SNOMED, code)), level, code);
  });

  it('reads each LOINC 67775-7 answer, with no display', () => {
    for (const [code, level] of LOINC_67775_7)
      assert.equal(acvpuOf(consciousness(LOINC, code)), level, code);
  });

  it('reads 450847001 as pain, not voice, and reads no code outside the value sets', () => {
    assert.equal(acvpuOf(consciousness(SNOMED, '450847001')), 'P');
    assert.equal(acvpuOf(consciousness(SNOMED, '450848006')), undefined);
    assert.equal(acvpuOf(consciousness(LOINC, '300202002')), undefined, 'the system matters');
  });

  it('still reads LA6560-2, which earlier versions of the kit wrote for new confusion', () => {
    assert.equal(acvpuOf(consciousness(LOINC, 'LA6560-2')), 'C');
  });

  it('scores a patient coded V (300202002) with no display 3, complete, hourly', () => {
    const set = [
      consciousness(SNOMED, '300202002'),
      vital('9279-1', 16, '/min'),
      vital('59408-5', 97, '%'),
      vital('3150-0', 21, '%'),
      vital('8480-6', 125, 'mm[Hg]'),
      vital('8867-4', 78, '/min'),
      vital('8310-5', 37, 'Cel'),
    ];
    const result = news2(news2Inputs(set).input);
    assert.equal(result.complete, true, result.label);
    assert.equal(result.total, 3);
    assert.equal(result.scores.consciousness, 3);
    assert.equal(news2MonitoringMinutes(result), 60);
  });

  it('writes every level with its UK Core code, and the LOINC answer where 67775-7 has one; each reads back', () => {
    for (const level of ['A', 'C', 'V', 'P', 'U'] as const) {
      const answer = acvpuAnswer(level);
      const snomed = answer.coding?.find((c) => c.system === SNOMED)?.code;
      assert.equal(UK_CORE.find(([, l]) => l === level)?.[0], snomed, level);
      const loinc = answer.coding?.find((c) => c.system === LOINC)?.code;
      assert.equal(LOINC_67775_7.find(([, l]) => l === level)?.[0], loinc, level);
      const observation: Observation = {
        ...consciousness(SNOMED, ''),
        valueCodeableConcept: { coding: answer.coding },
      };
      assert.equal(acvpuOf(observation), level);
    }
  });
});
