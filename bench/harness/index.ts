// What suites import. Everything here runs in the browser and in Node alike.
export type { BenchResult, Spread, Suite, Target } from './types.js';
export { summarise, type Summary } from './stats.js';
export { measure, measurePair, consume, type MeasureOptions } from './measure.js';
export { toResult, perSecond, type ResultOptions } from './result.js';
export { heapUsed } from './memory.js';
export { listFixtures, fixtureText, loadFixtureSet, FIXTURES_URL } from './fixtures.js';
