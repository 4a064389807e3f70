export * from './carryOver';
export * from './importRows';
export * from './model';
export * from './money';
export * from './numbering';
export * from './percent';
export * from './stats';
