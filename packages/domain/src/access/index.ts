export * from './permissions.js';
export * from './roles.js';
export * from './org-types.js';
export * from './desk.js';
export * from './role-fit.js';
