// node-windows ships no types; the part service-main.ts uses (its README, "Windows Services").
declare module 'node-windows' {
  import type { EventEmitter } from 'node:events';
  import type { NodeWindowsServiceOptions } from './windows-service';

  export class Service extends EventEmitter {
    constructor(options: NodeWindowsServiceOptions);
    readonly exists: boolean;
    install(): void;
    uninstall(): void;
    start(): void;
    stop(): void;
  }
  const nodeWindows: { Service: typeof Service };
  export default nodeWindows;
}
