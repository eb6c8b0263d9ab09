export * from './grading.js';
export * from './categories.js';
export * from './deadlines.js';
export * from './supplements.js';
export * from './clocks.js';
export * from './investigation.js';
