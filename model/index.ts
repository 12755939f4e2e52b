// The kit's data model: FHIR R4 schemas and types, and Bundle reading and
// writing. Pure code: no DOM, no storage, no network.
export * from './fhir/index.js';
export * from './bundle/index.js';
export * from './chart/index.js';
export * from './sync/index.js';
export * from './cds/index.js';
