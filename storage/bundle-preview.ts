// What the started store loads to show a bundle imported at start before it
// is stored (StartedChartStore.importBundle): the bundle reader and the
// reads of the rows it brings, in one chunk, fetched as soon as the import
// is asked for.
export { readBundle } from '../model/bundle-reader.js';
export { bundleFirstReads } from './bundle-first-reads.js';
export { refusedBundle } from './refused-bundle.js';
