// Handler tables for tests that make one handler fail (vi.spyOn on `run`): the spy must land
// on the same module instance the server uses, so tests import it from here, not a copy.
export { reportHandlers } from '../app/handlers/report-handlers';
