export * from './inputs.js';
export * from './draw.js';
export * from './verify.js';
export * from './contracts.js';
export * from './outcome.js';
