export * from './shanghai.js';
