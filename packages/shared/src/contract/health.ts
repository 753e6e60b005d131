import { z } from 'zod';
import { errorCodes } from '../errors';

// `GET /api/v1/health`: the hall's database, disk and clock as they are. 200 and `ok: true`
// when commands can be written; 503 and `ok: false` with the code and the reasons when not.

export const WriteFaultCode = z.enum(['storage_full', 'database_fault']);
export type WriteFaultCode = z.infer<typeof WriteFaultCode>;

export const WriteFault = z.object({
  code: WriteFaultCode,
  /** SQLite's code and message. */
  detail: z.string(),
  at: z.number(),
});
export type WriteFault = z.infer<typeof WriteFault>;

export const ClockJump = z.object({
  /** Hall time when the jump was seen. */
  at: z.number(),
  /** What the wall clock said then. */
  wallAt: z.number(),
  /** How far the wall clock moved beyond real elapsed time (negative: backwards). */
  byMs: z.number(),
});
export type ClockJump = z.infer<typeof ClockJump>;

export const ClockState = z.object({
  /** The wall clock agrees with the hall clock (within the threshold). */
  trusted: z.boolean(),
  /** Wall clock minus hall clock at the last reading. */
  offsetMs: z.number(),
  jumps: z.number().int().nonnegative(),
  lastJump: ClockJump.nullable(),
});
export type ClockState = z.infer<typeof ClockState>;

export const HealthReport = z.object({
  database: z.object({
    /** The last full `PRAGMA quick_check`: `ok`, what it found, or `not run yet`. */
    quickCheck: z.string(),
    /** When that result was found (before the first one: when the hall started). */
    quickCheckAt: z.number(),
    /** A check is running now (in a worker thread); its result replaces `quickCheck`. */
    quickCheckRunning: z.boolean(),
    lastWriteFault: WriteFault.nullable(),
    walBytes: z.number().int().nonnegative(),
  }),
  /** freeBytes -1: unknown. */
  disk: z.object({ freeBytes: z.number().int(), minFreeBytes: z.number().int().nonnegative() }),
  clock: ClockState,
});
export type HealthReport = z.infer<typeof HealthReport>;

/** Requests refused for want of a valid device: counts by command and code, no addresses. */
export const RefusalCounts = z.object({
  total: z.number().int().nonnegative(),
  byCommand: z.array(
    z.object({
      command: z.string(),
      code: z.enum(errorCodes),
      count: z.number().int().positive(),
      firstAt: z.number(),
      lastAt: z.number(),
    }),
  ),
});
export type RefusalCounts = z.infer<typeof RefusalCounts>;

export const HealthData = HealthReport.extend({
  /** null when the hall state cannot be read. */
  seq: z.number().int().nonnegative().nullable(),
  businessDay: z.string().nullable(),
  version: z.string(),
  refusedAnonymous: RefusalCounts,
  /**
   * The ID card key (docs/customer-identification.md): where it comes from ('none': no key yet
   * or an unusable file, `problem` says which), and how many customers have a card registered
   * under another key — they are not found until registered again. Absent when the hall state
   * cannot be read.
   */
  idCards: z
    .object({
      keySource: z.enum(['env', 'file', 'none']),
      underOtherKey: z.number().int().nonnegative(),
      problem: z.string().nullable(),
    })
    .optional(),
});

export const HealthAnswer = z.union([
  z.object({ ok: z.literal(true), data: HealthData }),
  z.object({
    ok: z.literal(false),
    code: WriteFaultCode,
    /** The code's words and every reason it cannot write. */
    message: z.string(),
    data: HealthData,
  }),
]);
export type HealthAnswer = z.infer<typeof HealthAnswer>;
