export * from './canonical';
export * from './envelope';
export * from './errors';
export * from './records';
export * from './sha256';
export * from './bytes';
export * from './pollConsistency';
