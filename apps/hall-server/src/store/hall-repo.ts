import { HallConfig } from '@onestop/shared';
import type { Db } from './db';
import { field } from './fields';

export interface HallState {
  seq: number;
  businessDay: string;
  config: HallConfig;
  configChangeSeq: number;
}

const configColumn = field.json('config', HallConfig);

export function createHallRepo(db: Db) {
  const get = db.prepare<
    [],
    { seq: number; business_day: string; config: string; config_change_seq: number }
  >('SELECT seq, business_day, config, config_change_seq FROM hall_state WHERE id = 1');
  const insert = db.prepare<[string, string]>(
    'INSERT INTO hall_state (id, seq, business_day, config, config_change_seq) VALUES (1, 0, ?, ?, 0)',
  );
  const setSeq = db.prepare<[number]>('UPDATE hall_state SET seq = ? WHERE id = 1');
  const setDay = db.prepare<[string]>('UPDATE hall_state SET business_day = ? WHERE id = 1');
  const setConfig = db.prepare<[string, number]>(
    'UPDATE hall_state SET config = ?, config_change_seq = ? WHERE id = 1',
  );
  // The configuration is read on every command: checked once per text it is stored as.
  let known: { text: string; config: HallConfig } | undefined;

  return {
    isInitialised(): boolean {
      return get.get() !== undefined;
    },
    init(config: HallConfig, businessDay: string): void {
      insert.run(businessDay, JSON.stringify(config));
    },
    state(): HallState {
      const row = get.get();
      if (!row) throw new Error('the hall is not initialised');
      if (known?.text !== row.config) known = { text: row.config, config: configColumn.read(row) };
      return {
        seq: row.seq,
        businessDay: row.business_day,
        config: known.config,
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
