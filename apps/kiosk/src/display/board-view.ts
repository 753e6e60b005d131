import type { Counter, Service, ServiceQueue, Snapshot } from '@onestop/shared';
import type { WaitFigures } from '../common/wait';
import {
  counterBoards,
  currentCall,
  recentCalls,
  type BoardState,
  type RecentCall,
} from './display-model';

// What one board draws, whatever it comes from: the hall (a paired display) or the console's
// preview (sample data). Pure, so the preview and the hall draw through the same components.

export interface TileView {
  counterId: string;
  counterNumber: number;
  ticketNumber: string | null;
  state: BoardState;
}

export interface QueueRow extends WaitFigures {
  serviceId: string;
  prefix: string;
  nameZh: string;
  nameEn: string;
  waiting: number;
}

export interface BoardView {
  hallNameZh: string;
  hallNameEn: string;
  notice: string | null;
  timeZone: string;
  current: RecentCall | null;
  tiles: TileView[];
  recent: RecentCall[];
  /** null: not answered yet (loading). */
  queues: QueueRow[] | null;
}

export const RECENT_LIMIT = 6;

export function queueRows(
  queues: readonly ServiceQueue[] | null,
  services: readonly Service[],
): QueueRow[] | null {
  if (queues === null) return null;
  return queues.map((q) => {
    const s = services.find((x) => x.id === q.serviceId);
    return {
      ...q,
      prefix: s?.prefix ?? '',
      nameZh: s?.nameZh ?? q.serviceId,
      nameEn: s?.nameEn ?? q.serviceId,
    };
  });
}

export function tileViews(
  counters: readonly Counter[],
  hall: Pick<Snapshot, 'tickets'>,
): TileView[] {
  return counterBoards(counters, hall.tickets).map((b) => ({
    counterId: b.counter.id,
    counterNumber: b.counter.number,
    ticketNumber: b.ticket?.number ?? null,
    state: b.state,
  }));
}

export function liveBoardView(hall: Snapshot, queues: readonly ServiceQueue[] | null): BoardView {
  return {
    hallNameZh: hall.config.nameZh,
    hallNameEn: hall.config.nameEn,
    notice: hall.config.notice || null,
    timeZone: hall.config.timeZone,
    current: currentCall(hall.tickets, hall.counters),
    tiles: tileViews(hall.counters, hall),
    recent: recentCalls(hall.tickets, hall.counters, RECENT_LIMIT),
    queues: queueRows(queues, hall.services),
  };
}
