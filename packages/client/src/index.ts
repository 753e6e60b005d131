export * from './hall-connection';
export * from './merge';
export * from './device';
export * from './react';
export * from './use-query';
export * from './heartbeat';
