import type { CallPlace, Snapshot } from '@onestop/shared';
import type { TFunction } from 'i18next';
import { useNow, useOnline, useStaffView } from '../../common/desk';
import { formatDuration, type Lang } from '@onestop/ui';
import { counterById } from '../../common/hall-selectors';
import { useQuery } from '../../common/use-query';

// The waiting tickets in calling order, as the hall server works it out from its calling
// policy (`console:call-order`): asked again at each change of the hall and every 15 s, since
// the wait terms move with the clock. The renderer only words the answer.

export function useCallOrder() {
  const { hall } = useStaffView();
  const online = useOnline();
  const tick = Math.floor(useNow(5_000) / 15_000);
  return useQuery('console:call-order', {}, online ? `${hall.seq}:${tick}` : null);
}

/** Why a ticket stands where it does, in words: held, its priority class, its wait. */
export function callWhy(
  place: CallPlace,
  hall: Snapshot,
  t: TFunction,
  lang: Lang,
): { badge: string | null; wait: string } {
  const counter = counterById(hall, place.heldForCounterId);
  const badge = counter
    ? t('console.order.held', { number: counter.number })
    : place.priorityClass === 'normal'
      ? null
      : t(`console.order.class.${place.priorityClass}`);
  const time = formatDuration(Math.abs(place.pastTargetSec), lang);
  return { badge, wait: t(`console.order.band.${place.band}`, { time }) };
}
