// rate-limiter-flexible's index loads every store it has (Redis, Mongo, Postgres, …: 36 modules,
// a MiB of heap at idle); rate-limits.ts imports only the in-memory limiter's own files, which
// the package's types do not describe. Their exports are the classes of its index.
declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  import { RateLimiterMemory } from 'rate-limiter-flexible';
  export default RateLimiterMemory;
}
declare module 'rate-limiter-flexible/lib/RateLimiterRes.js' {
  import { RateLimiterRes } from 'rate-limiter-flexible';
  export default RateLimiterRes;
}
