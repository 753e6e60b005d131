// The counter's screens format times, durations and the language through the shared UI's
// helpers (packages/ui/src/format.ts, tested there); imported here by path as before.
export {
  formatClock,
  formatDateTime,
  formatDuration,
  fromDateTimeInput,
  langOf,
  toDateTimeInput,
  useLang,
  type Lang,
} from '@onestop/ui';
