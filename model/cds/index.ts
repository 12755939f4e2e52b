export * from './card.js';
export * from './decision-support.js';
