export * from './vocabulary.js';
export * from './transitions.js';
export * from './clock.js';
export * from './guards.js';
export * from './documents.js';
export * from './rechecks.js';
