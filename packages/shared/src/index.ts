export * from './model';
export * from './errors';
export * from './masking';
export * from './command-kit';
export * from './commands';
export * from './commands-front';
export * from './events';
export * from './socket';
