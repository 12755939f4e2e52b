// Every sentence the CDS Hooks client writes for people (the notes shown
// beside the cards), in one place for translation.

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
const notShown = 'its alerts are not shown';

export const cdsHooksMessages = {
  /** A service, as a clinician is told of it. */
  service: (title: string) => `The hospital's CDS service “${title}”`,
  /** The services at a base whose discovery failed (no title known yet). */
  servicesAt: (base: string) => `The hospital's CDS services at ${base}`,
  timeout: (who: string, ms: number) => `${who} did not answer within ${seconds(ms)}: ${notShown}.`,
  http: (who: string, status: number) =>
    `${who} answered with an error (HTTP ${status}): ${notShown}.`,
  unauthorized: (who: string, status: number) =>
    `${who} refused this application's signed request (HTTP ${status}): ${notShown}.`,
  invalid: (who: string, what: string) =>
    `${who} sent an answer that cannot be read (${what}): ${notShown}.`,
  network: (who: string) => `${who} could not be reached: ${notShown}.`,
  failed: (who: string, problem: string) => `${who} could not be asked (${problem}): ${notShown}.`,
  /** One card of an answer dropped, the others kept. */
  cardDropped: (who: string, index: number, what: string) =>
    `${who} sent an alert that cannot be read (card ${index + 1}: ${what}); that alert is not shown.`,
  /** A service of a discovery answer that cannot be read: it is not called. */
  serviceUnreadable: (base: string, id: string, what: string) =>
    `The hospital's CDS services at ${base} describe a service that cannot be read (${id}: ${what}); it is not called.`,
  /** What was wrong in an answer. */
  notJson: 'not JSON',
  field: (path: string, problem: string) => `${path} ${problem}`,
  missing: 'missing',
  expected: (type: string) => `is not a ${type}`,
  tooLong: 'too long',
  notAllowed: 'has a value that is not allowed',
  badValue: 'is not valid',
  /** The kit's own checks. */
  chartUnreadable: (problem: string) =>
    `The chart's allergies and medications could not be read (${problem}): the built-in checks did not run.`,
  localFailed: (problem: string) =>
    `The built-in checks could not run (${problem}): problems they would find are not shown.`,
};
