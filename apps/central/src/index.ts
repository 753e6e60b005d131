export { openCentralDb, type CentralDb, type Transaction } from './db';
export { migrate } from './migrate';
export { startCentral, createCentralHandler, type CentralOptions } from './server';
export { addHall, fileDirectory, staticDirectory, type HallDirectory } from './config';
export { storeBatch, partitionKeeper, upsertRows, type IngestMethod } from './ingest';
export { hallDaySummaries } from './summary';
