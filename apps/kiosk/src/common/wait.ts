// How a wait estimate reads: whole minutes, at least one, or "very soon" for nothing to wait.

export function waitMinutes(estimatedWaitSec: number): number | null {
  if (estimatedWaitSec <= 0) return null;
  return Math.max(1, Math.round(estimatedWaitSec / 60));
}
