// What only changing the chart needs — Yjs and the documents' code, the
// schemas (zod) that check a resource before it is recorded, the revision
// rule — in a chunk of its own: a read never touches it, so a page shows its
// rows before this is even fetched (write-side-loader.ts loads it, right
// after the first rows are on screen or on the first change).
export { DocumentEngine } from './document-engine.js';
export { rebuildFromLog } from './rebuild-from-log.js';
export { assertRevisionRuleKept } from './revision-guard.js';
export { assertValid } from './resource-check.js';
