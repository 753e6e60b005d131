import type { BoardView, QueueRow } from './board-view';
import type { RecentCall } from './display-model';

// The board the console's preview draws: a busy moment of a sample hall, in the reader's
// language. Nothing in it comes from the hall (the preview is not paired and asks nothing).

const MINUTE = 60_000;

function call(number: string, counterNumber: number, minutesAgo: number, now: number): RecentCall {
  return {
    ticketId: `sample-${number}`,
    number,
    counterId: `sample-counter-${counterNumber}`,
    counterNumber,
    calledAt: now - minutesAgo * MINUTE,
  };
}

function queue(
  prefix: string,
  nameZh: string,
  nameEn: string,
  waiting: number,
  minutes: number,
): QueueRow {
  return {
    serviceId: `sample-${prefix}`,
    prefix,
    nameZh,
    nameEn,
    waiting,
    estimatedWaitSec: minutes * 60,
    estimatedWaitLowSec: Math.max(0, minutes - 5) * 60,
    estimatedWaitHighSec: (minutes + 5) * 60,
    noCounterOpen: false,
    hallOpensAt: null,
  };
}

export function sampleBoard(now: number, zh: boolean): BoardView {
  const recent = [
    call('A023', 3, 0, now),
    call('B011', 1, 2, now),
    call('C004', 5, 4, now),
    call('A022', 2, 6, now),
    call('D007', 4, 9, now),
    call('E002', 6, 12, now),
  ];
  const serving: Record<number, string> = { 1: 'B011', 2: 'A022', 4: 'D007', 5: 'C004' };
  return {
    hallNameZh: '示例供电营业厅',
    hallNameEn: 'Sample service hall',
    notice: zh
      ? '今日 14:00–16:00 系统升级,电费缴纳暂停办理,请到引导台登记。'
      : 'System upgrade 14:00–16:00 today: bill payment paused; please ask at the guide desk.',
    timeZone: 'Asia/Shanghai',
    current: recent[0]!,
    recent,
    tiles: [1, 2, 3, 4, 5, 6].map((n) => ({
      counterId: `sample-counter-${n}`,
      counterNumber: n,
      ticketNumber: n === 3 ? 'A023' : (serving[n] ?? null),
      state: n === 3 ? 'called' : serving[n] ? 'serving' : n === 6 ? 'paused' : 'idle',
    })),
    queues: [
      queue('A', '电费缴纳', 'Bill payment', 12, 15),
      queue('B', '业扩报装', 'New connection', 4, 25),
      queue('C', '户名变更', 'Account change', 3, 10),
      queue('D', '故障报修', 'Fault report', 1, 5),
      queue('E', '发票打印', 'Invoice printing', 8, 12),
    ],
  };
}
