// The text of the vitals entry form, in one place for translation. Sign
// names, units and plausibility messages come from clinical/.

export const vitalsFormMessages = {
  legend: 'Record vital signs',
  when: 'The set is recorded as taken now.',
  bloodPressure: 'Blood pressure',
  systolic: 'Systolic',
  diastolic: 'Diastolic',
  airOrOxygen: 'Air or oxygen',
  consciousness: 'Consciousness (ACVPU)',
  notRecorded: 'Not recorded',
  air: 'Air',
  oxygen: 'Supplemental oxygen',
  save: 'Save vital signs',
  saving: 'Saving…',
  nothing: 'Enter at least one vital sign.',
  bothPressures: 'Enter both the systolic and the diastolic pressure.',
  flowNeeded: 'Enter the oxygen flow, above 0 L/min, for a patient on oxygen.',
};
