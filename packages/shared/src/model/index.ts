// The contract's domain records, by subject; imported as './model' (or from @onestop/shared).
export * from './common';
export * from './tickets';
export * from './hall';
export * from './config';
export * from './front';
export * from './promises';
export * from './work';
export * from './notifications';
export * from './remedies';
export * from './knowledge';
export * from './device-health';
export * from './spot-checks';
export * from './display';
export * from './snapshot';
