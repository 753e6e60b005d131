// pino-roll ships no types; the part the hall server uses (its README, "build(options)"). The
// stream is a sonic-boom stream, described here by what is used rather than by importing
// sonic-boom, which the hall server does not depend on itself.
declare module 'pino-roll' {
  import type { EventEmitter } from 'node:events';

  export interface RollStream extends EventEmitter {
    /** The file being written now, e.g. logs/hall.2026-03-01.1.log. */
    readonly file: string;
    write(line: string): boolean;
    flush(cb?: (err?: Error) => void): void;
    end(): void;
  }

  export interface PinoRollOptions {
    file: string | (() => string);
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
    mkdir?: boolean;
    sync?: boolean;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollStream>;
}
