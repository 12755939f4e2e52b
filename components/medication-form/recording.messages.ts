// The text both recording forms share, in one place for translation.

export const recordingMessages = {
  readOnly: 'Your role can read this chart but not record in it.',
  noStore: 'No patient chart is connected.',
  pending: 'Loading the chart…',
  uncoded: 'Uncoded: no automatic checks.',
  noChecks: 'No medication checks ran.',
  checking: 'Checking…',
  checksFailed: (message: string) => `The medication checks could not run: ${message}`,
  overrideNeeded: (count: number) =>
    count === 1
      ? 'Give a reason to override the critical warning before saving.'
      : `Give a reason to override each of the ${count} critical warnings before saving.`,
  noMatches: 'No coded match: the text is kept as typed.',
  matches: (count: number) => (count === 1 ? '1 match' : `${count} matches`),
  saveFailed: (message: string) => `Not saved: ${message}`,
  /** Where a store error points: "MedicationRequest.dosageInstruction: must be …". */
  issue: (path: string, message: string) => `${path}: ${message}`,
  cancel: 'Cancel',
};
