export * from './bundle-issue.js';
export * from './read-bundle.js';
export * from './write-bundle.js';
export * from './check-resource.js';
