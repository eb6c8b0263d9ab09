export * from './regions/index.js';
export * from './access/index.js';
export * from './errors/index.js';
export * from './auth/index.js';
export * from './contracts/index.js';
