export * from './percent.js';
export * from './comparison.js';
export * from './periods.js';
export * from './rollup-spans.js';
