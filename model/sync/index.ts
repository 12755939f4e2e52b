export * from './sync-state.js';
export * from './context.js';
