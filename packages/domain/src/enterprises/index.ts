export * from './uscc.js';
export * from './status.js';
