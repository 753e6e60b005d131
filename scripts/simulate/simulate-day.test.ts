import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrivals, createRandom, HOURLY_PROFILE } from './sim-model';
import { runSimulation } from './simulate-day';

describe('the day model', () => {
  it('is reproducible from its seed and peaks mid-morning and early afternoon', () => {
    const a = arrivals(createRandom(7), 2000);
    expect(arrivals(createRandom(7), 2000)).toEqual(a);
    const perHour = new Map<number, number>();
    for (const sec of a)
      perHour.set(Math.floor(sec / 3600), (perHour.get(Math.floor(sec / 3600)) ?? 0) + 1);
    expect(perHour.get(10)!).toBeGreaterThan(perHour.get(12)!);
    expect(perHour.get(14)!).toBeGreaterThan(perHour.get(12)!);
    expect(Math.min(...perHour.keys())).toBeGreaterThanOrEqual(8);
    expect(Math.max(...perHour.keys())).toBeLessThan(17);
    expect(Object.keys(HOURLY_PROFILE)).toContain('10');
  });
});

describe('the day simulator', () => {
  it('runs two small days against the real server and leaves a consistent database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onestop-sim-'));
    try {
      const result = await runSimulation({
        dataDir,
        days: 2,
        lastDay: '2026-11-23',
        seed: 3,
        visits: 60,
      });
      expect(result.days.map((d) => d.day)).toEqual(['2026-11-22', '2026-11-23']);
      expect(result.days.every((d) => d.issued > 20)).toBe(true);
      const db = new Database(join(dataDir, 'hall.sqlite'), { readonly: true });
      const open = db
        .prepare("SELECT count(*) FROM tickets WHERE state IN ('waiting', 'called', 'serving')")
        .pluck()
        .get();
      expect(open).toBe(0); // every customer of the day was seen to the end
      const done = db.prepare("SELECT count(*) FROM tickets WHERE state = 'done'").pluck().get();
      expect(done).toBeGreaterThan(40);
      db.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
