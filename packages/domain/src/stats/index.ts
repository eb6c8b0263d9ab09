export * from './percent.js';
export * from './comparison.js';
export * from './periods.js';
