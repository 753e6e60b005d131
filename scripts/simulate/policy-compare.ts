// The calling-policy comparison (issue 15): the same simulated week replayed, without a server,
// through the hall's calling policy (domain/calling.ts with the hall's callWeights) and through
// plain first-come-first-served with priority classes (what most queue products do). Prints,
// per policy, the share of customers called within their service's target wait: overall, in the
// busy hours, per service and per hour of the day; with --grid, the same for a grid of weights.
//
//   npm run bench:policy                                 # the default week (seed 42, 7 days)
//   npm run bench:policy -- --seed 7 --days 7 --visits 420
//   npm run bench:policy -- --grid                       # the weights' sensitivity grid

import type { CallWeights } from '@onestop/shared';
import { pathToFileURL } from 'node:url';
import { defaultConfig, demoServices } from '@onestop/hall-server';
import { defaultPlan } from './sim-model';
import {
  busyHours,
  pct,
  policyFigures,
  utilisationByHour,
  type PolicyFigures,
  type WaitFigures,
} from './policy-figures';
import {
  WEEK_START,
  demoHall,
  fcfsPolicy,
  generateWeek,
  hallPolicy,
  replay,
  type SimCustomer,
  type SimHall,
} from './policy-replay';

export interface Comparison {
  utilisation: Map<number, number>;
  busy: number[];
  hall: PolicyFigures;
  fcfs: PolicyFigures;
  /** The hall's policy minus FCFS, in percentage points of customers within target. */
  gapBusyPoints: number;
  gapOverallPoints: number;
}

export function compare(
  customers: SimCustomer[],
  hall: SimHall,
  weights: CallWeights,
  weekStart = WEEK_START,
): Comparison {
  const utilisation = utilisationByHour(customers, hall, weekStart);
  const busy = busyHours(utilisation);
  const run = (name: string, policy = name === 'fcfs' ? fcfsPolicy() : hallPolicy(hall, weights)) =>
    policyFigures(name, replay(customers, hall, policy), hall, busy, weekStart);
  const hallFigures = run('hall');
  const fcfs = run('fcfs');
  return {
    utilisation,
    busy,
    hall: hallFigures,
    fcfs,
    gapBusyPoints: (hallFigures.busy.withinTarget - fcfs.busy.withinTarget) * 100,
    gapOverallPoints: (hallFigures.overall.withinTarget - fcfs.overall.withinTarget) * 100,
  };
}

export interface WeekOptions {
  seed: number;
  days: number;
  visits: number;
}

export const DEFAULT_WEEK: WeekOptions = { seed: 42, days: 7, visits: defaultPlan.visits };

export function compareWeek(
  week: WeekOptions = DEFAULT_WEEK,
  weights: CallWeights = defaultConfig().callWeights,
): Comparison {
  return compare(generateWeek(week.seed, week.days, week.visits), demoHall(), weights);
}

// ---------------------------------------------------------------------------------------------
// Printing (Markdown tables, pasted into docs/benchmarks.md).

const serviceName = (id: string) => demoServices.find((s) => s.id === id)?.nameZh ?? id;
const hourLabel = (h: number) =>
  `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`;
const cells = (f: WaitFigures) =>
  `${pct(f.withinTarget)} | ${f.meanWaitMin.toFixed(1)} | ${f.p90WaitMin.toFixed(1)}`;
const points = (p: number) => `${p >= 0 ? '+' : ''}${p.toFixed(1)}`;

export function formatComparison(c: Comparison): string {
  const head =
    '| | customers | hall: within target | mean wait (min) | p90 (min) | ' +
    'FCFS: within target | mean wait (min) | p90 (min) | hall − FCFS (points) |\n' +
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|';
  const row = (label: string, a: WaitFigures, b: WaitFigures) =>
    `| ${label} | ${a.customers} | ${cells(a)} | ${cells(b)} | ` +
    `${points((a.withinTarget - b.withinTarget) * 100)} |`;
  const lines = [
    head,
    row('**all hours**', c.hall.overall, c.fcfs.overall),
    row(`**busy hours** (${c.busy.map(hourLabel).join(', ')})`, c.hall.busy, c.fcfs.busy),
    ...Object.keys(c.hall.perService).map((s) =>
      row(serviceName(s), c.hall.perService[s]!, c.fcfs.perService[s]!),
    ),
    ...Object.keys(c.hall.perHour).map((h) =>
      row(
        `${hourLabel(Number(h))} (utilisation ${pct(c.utilisation.get(Number(h)) ?? 0)})`,
        c.hall.perHour[Number(h)]!,
        c.fcfs.perHour[Number(h)]!,
      ),
    ),
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Sensitivity: the gap in busy hours for a grid of weights, over several seeded weeks.

export const GRID = {
  seeds: [42, 7, 1],
  passOverTargets: [0, 0.5, 1, 1.5, 2, 3],
  perMinutePastTarget: [0.2, 1, 5],
} as const;

export function formatGrid(base: CallWeights, grid = GRID, week = DEFAULT_WEEK): string {
  const weeks = grid.seeds.map((seed) => ({
    seed,
    customers: generateWeek(seed, week.days, week.visits),
  }));
  const hall = demoHall();
  const head =
    '| passOverTargets | perMinutePastTarget | ' +
    weeks.map((w) => `seed ${w.seed}: hall / FCFS busy, p90 hall / FCFS (min)`).join(' | ') +
    ' |\n|---:|---:|' +
    weeks.map(() => '---:|').join('');
  const rows: string[] = [];
  for (const passOverTargets of grid.passOverTargets) {
    for (const perMinutePastTarget of grid.perMinutePastTarget) {
      const weights = { ...base, passOverTargets, perMinutePastTarget };
      const cells = weeks.map(({ customers }) => {
        const c = compare(customers, hall, weights);
        return (
          `${pct(c.hall.busy.withinTarget)} / ${pct(c.fcfs.busy.withinTarget)} ` +
          `(**${points(c.gapBusyPoints)}**), ${c.hall.overall.p90WaitMin.toFixed(0)} / ` +
          `${c.fcfs.overall.p90WaitMin.toFixed(0)}`
        );
      });
      rows.push(`| ${passOverTargets} | ${perMinutePastTarget} | ${cells.join(' | ')} |`);
    }
  }
  return [head, ...rows].join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const week: WeekOptions = {
    seed: Number(arg('--seed') ?? DEFAULT_WEEK.seed),
    days: Number(arg('--days') ?? DEFAULT_WEEK.days),
    visits: Number(arg('--visits') ?? DEFAULT_WEEK.visits),
  };
  const weights = defaultConfig().callWeights;
  if (process.argv.includes('--grid')) {
    console.log(
      `Weeks of ${week.days} days, ${week.visits} visits a day; other weights as ` +
        `${JSON.stringify(weights)}\n`,
    );
    console.log(formatGrid(weights, GRID, week));
    return;
  }
  const c = compareWeek(week, weights);
  console.log(
    `Week: seed ${week.seed}, ${week.days} days, ${week.visits} visits a day; ` +
      `callWeights ${JSON.stringify(weights)}\n`,
  );
  console.log(formatComparison(c));
  console.log(
    `\nBusy hours: utilisation ≥ 80 %. Hall − FCFS in busy hours: ${points(c.gapBusyPoints)} ` +
      `points (goal ≥ +10.0); over all hours ${points(c.gapOverallPoints)} points. Longest ` +
      `wait: hall ${c.hall.overall.maxWaitMin.toFixed(0)} min, FCFS ` +
      `${c.fcfs.overall.maxWaitMin.toFixed(0)} min.`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
