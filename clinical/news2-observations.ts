import type { Observation } from '../model/index.js';
import { acvpuOf, gcsOf } from './consciousness.js';
import type { News2Input } from './news2.js';
import { supplementalOxygen } from './oxygen.js';
import { vitalReading, vitalSignOf, type VitalSignId } from './vital-readings.js';

// NEWS2 inputs from one set of vital-sign observations. Which observations
// make a set (taken together, at one time) is the caller's choice; within
// it the first reading of each sign wins, so pass them newest first, as the
// store's vitals query returns them.

/** Observations that say nothing about the patient now. */
const VOID = new Set(['entered-in-error', 'cancelled']);

export interface News2Observations {
  input: News2Input;
  /**
   * Set when no ACVPU was recorded and consciousness was taken from a GCS
   * total: 15 reads as alert, anything lower as `not-alert` (scored 3). GCS
   * cannot tell new confusion from long-standing confusion, so this errs
   * towards escalation; the chart should ask for an ACVPU.
   */
  consciousnessFromGcs?: number;
}

export function news2Inputs(
  observations: readonly Observation[],
  options: { spo2Scale?: 1 | 2 } = {},
): News2Observations {
  const current = observations.filter((o) => !VOID.has(o.status));
  const first = (id: VitalSignId): number | undefined => {
    for (const observation of current) {
      if (vitalSignOf(observation.code) === id) {
        const value = vitalReading(observation, id)?.value;
        if (value !== undefined) return value;
      }
      const component = observation.component?.find((c) => vitalSignOf(c.code) === id);
      const value = component && vitalReading(component, id)?.value;
      if (value !== undefined) return value;
    }
    return undefined;
  };

  let consciousness: News2Input['consciousness'] = current
    .map(acvpuOf)
    .find((a) => a !== undefined);
  let consciousnessFromGcs: number | undefined;
  if (!consciousness) {
    consciousnessFromGcs = current.map(gcsOf).find((g) => g !== undefined);
    if (consciousnessFromGcs !== undefined)
      consciousness = consciousnessFromGcs === 15 ? 'A' : 'not-alert';
  }
  const onOxygen = supplementalOxygen(current);
  const input: News2Input = {
    respirationRate: first('respiratory-rate'),
    spo2: first('oxygen-saturation'),
    onOxygen,
    systolicBp: first('systolic-bp'),
    pulse: first('heart-rate'),
    consciousness,
    temperature: first('temperature'),
    spo2Scale: options.spo2Scale ?? 1,
  };
  return consciousnessFromGcs === undefined ? { input } : { input, consciousnessFromGcs };
}
