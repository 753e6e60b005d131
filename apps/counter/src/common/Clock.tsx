import { useNow } from './desk';
import { formatClock } from '@onestop/ui';

export function Clock({ timeZone }: { timeZone: string }) {
  const now = useNow(10_000);
  return <span className="clock">{formatClock(now, timeZone)}</span>;
}
