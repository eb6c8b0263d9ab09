export * from './region-code.js';
