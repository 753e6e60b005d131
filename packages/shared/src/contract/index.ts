// The contract's parts besides commands and events: HTTP paths and statuses, the caller's
// language, the health answer and the Electron bridge.
export * from './paths';
export * from './http-status';
export * from './language';
export * from './health';
export * from './bridge';
