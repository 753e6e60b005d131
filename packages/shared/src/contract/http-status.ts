import type { ErrorCode } from '../errors';
import type { SyncErrorCode } from '../sync-protocol';

// The HTTP status of every refusal, the hall's and the center's, in one table: the hall's API,
// the center and the OpenAPI document all read it. A new code does not compile until it has one.

export const httpStatus = {
  // The request itself
  invalid_payload: 400,
  pin_too_weak: 400,
  malformed_request: 400,
  payload_too_large: 413,
  too_large: 413,
  unknown_command: 404,
  not_found: 404,
  // Who asks
  not_paired: 401,
  not_signed_in: 401,
  bad_credentials: 401,
  pairing_code_invalid: 401,
  bad_signature: 401,
  unknown_hall: 401,
  stale_request: 401,
  replayed_request: 401,
  unauthorized: 401,
  forbidden: 403,
  wrong_device: 403,
  device_revoked: 403,
  staff_inactive: 403,
  host_not_allowed: 403,
  origin_not_allowed: 403,
  // Too much, too fast
  sign_in_throttled: 429,
  pairing_throttled: 429,
  rate_limited: 429,
  // The hall's rules refuse it in the state things are in
  command_id_conflict: 409,
  desk_in_use: 409,
  service_unavailable: 409,
  hall_closed: 409,
  daily_cap_reached: 409,
  invalid_transition: 409,
  retraining_required: 409,
  attempt_closed: 409,
  queue_empty: 409,
  clerk_busy: 409,
  not_at_counter: 409,
  counter_taken: 409,
  counter_not_open: 409,
  counter_has_ticket: 409,
  not_your_ticket: 409,
  targeted_elsewhere: 409,
  no_show_too_early: 409,
  reason_required: 409,
  open_items: 409,
  handover_required: 409,
  not_yours: 409,
  receiver_unfit: 409,
  evaluation_closed: 409,
  case_steps_pending: 409,
  appointment_not_found: 409,
  appointment_too_early: 409,
  manager_unfit: 409,
  scan_unreadable: 400,
  id_number_invalid: 400,
  identity_expired: 409,
  offline: 409,
  promise_not_told: 409,
  remedy_not_allowed: 403,
  remedy_inactive: 409,
  grant_not_pending: 409,
  grant_expired: 409,
  own_grant: 403,
  spot_check_own_work: 403,
  spot_check_not_finished: 409,
  spot_check_too_old: 409,
  spot_check_exists: 409,
  sync_not_configured: 409,
  // The server cannot
  storage_full: 503,
  database_fault: 503,
  internal_error: 500,
} as const satisfies Record<ErrorCode | SyncErrorCode, number>;

export type HttpStatus = (typeof httpStatus)[keyof typeof httpStatus];

export function httpStatusOf(code: ErrorCode | SyncErrorCode): HttpStatus {
  return httpStatus[code];
}
