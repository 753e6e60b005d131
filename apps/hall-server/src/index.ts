// The hall server's public entry: what scripts, other workspaces' tests and the regional
// center may use. Test harnesses are the subpath `@onestop/hall-server/test-support/*`.

export { startHallServer, type HallServer, type HallServerOptions } from './server';

// Seeds: the demo hall, the load scripts' hall, the default configuration.
export { demoCounters, demoCustomers, demoServices } from './app/demo-hall';
export { defaultConfig, demoSeed, loadTestSeed, type SeedOptions } from './app/seed';

// Rules the simulator replays and the day boundaries reports and sync agree on.
export { businessDayOf, startOfBusinessDay } from './domain/business-day';
export { isCallableBy, pickNext, priorityClassOf } from './domain/calling';
export { waitingTicket } from './domain/ticket-issue';

// The hall's side of the upward sync, which the regional center's tests and bench speak to.
export { createCenterClient, requestBody, signedRequest, signRequest } from './sync/center-client';
export { START } from './sync/cursor';
export { digestOf } from './sync/digest';
export { createSyncReader, type RunBounds } from './sync/reader';
export type { SyncOptions } from './sync/sync-service';
