export * from './revision.js';
export * from './chart-store.js';
export * from './chart-store-error.js';
export * from './documents.js';
export * from './context.js';
export * from './revision-schema.js';
export * from './entered-in-error.js';
export * from './first-value.js';
