export * from './sync-state.js';
export * from './sync-status-context.js';
