export * from './vocabulary.js';
export * from './transitions.js';
export * from './criteria.js';
export * from './checklists.js';
export * from './findings.js';
export * from './coverage.js';
