import type { HallConfig } from '@onestop/shared';
import type { Db } from './db';

export interface HallState {
  seq: number;
  businessDay: string;
  config: HallConfig;
  configChangeSeq: number;
}

export function createHallRepo(db: Db) {
  const get = db.prepare(
    'SELECT seq, business_day, config, config_change_seq FROM hall_state WHERE id = 1',
  );
  const insert = db.prepare(
    'INSERT INTO hall_state (id, seq, business_day, config, config_change_seq) VALUES (1, 0, ?, ?, 0)',
  );
  const setSeq = db.prepare('UPDATE hall_state SET seq = ? WHERE id = 1');
  const setDay = db.prepare('UPDATE hall_state SET business_day = ? WHERE id = 1');
  const setConfig = db.prepare(
    'UPDATE hall_state SET config = ?, config_change_seq = ? WHERE id = 1',
  );

  return {
    isInitialised(): boolean {
      return get.get() !== undefined;
    },
    init(config: HallConfig, businessDay: string): void {
      insert.run(businessDay, JSON.stringify(config));
    },
    state(): HallState {
      const row = get.get() as
        | { seq: number; business_day: string; config: string; config_change_seq: number }
        | undefined;
      if (!row) throw new Error('the hall is not initialised');
      return {
        seq: row.seq,
        businessDay: row.business_day,
        config: JSON.parse(row.config) as HallConfig,
        configChangeSeq: row.config_change_seq,
      };
    },
    setSeq(seq: number): void {
      setSeq.run(seq);
    },
    setBusinessDay(day: string): void {
      setDay.run(day);
    },
    setConfig(config: HallConfig, seq: number): void {
      setConfig.run(JSON.stringify(config), seq);
    },
  };
}
export type HallRepo = ReturnType<typeof createHallRepo>;
