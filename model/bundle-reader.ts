// Reading FHIR R4 Bundles: an entry of its own, apart from model/index.ts,
// because the bulk reader brings zod's compiler, which a page that only shows
// and edits a chart does not need (the store loads it on its first import).
export * from './bundle/read-bundle.js';
