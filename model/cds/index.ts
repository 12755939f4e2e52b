export * from './card.js';
export * from './decision-support.js';
export * from './card-origin.js';
