export * from './bundle-issue.js';
export * from './write-bundle.js';
export * from './check-resource.js';
// The bulk reader (read-bundle.ts, with zod's compiler) has an entry of its
// own, model/bundle-reader.ts: a page that only shows a chart never ships it.
