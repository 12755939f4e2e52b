// The ids of the grid's rows, and why a column may show no NEWS2: decided by
// the grid's logic (vitals-readings.ts, vitals-columns.ts) and worded by its
// messages, which import them from here rather than from the logic.

export type RowId =
  | 'respiratory-rate'
  | 'oxygen-saturation'
  | 'oxygen'
  | 'blood-pressure'
  | 'heart-rate'
  | 'consciousness'
  | 'temperature'
  | 'weight'
  | 'height'
  | 'bmi';

/** NEWS2 is not for use under 16 or in pregnancy (RCP, 2017), nor validated in the weeks after a pregnancy. */
export type News2Withheld = 'under-16' | 'pregnancy' | 'postpartum';
