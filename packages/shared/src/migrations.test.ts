import { describe, expect, it } from 'vitest';
import { migrationChecksum, parseMigrations, planMigrations } from './migrations';

const m = (id: number, name: string, sql = 'SELECT 1;') => ({ id, name, sql });

describe('the migration rules', () => {
  it('orders NNN-name.sql files by number and ignores other files', () => {
    const parsed = parseMigrations([
      { file: '002-b.sql', sql: 'B' },
      { file: 'README.md', sql: '' },
      { file: '001-a.sql', sql: 'A' },
    ]);
    expect(parsed).toEqual([m(1, 'a', 'A'), m(2, 'b', 'B')]);
  });

  it('refuses gaps and badly named files', () => {
    expect(() =>
      parseMigrations([
        { file: '001-a.sql', sql: '' },
        { file: '003-c.sql', sql: '' },
      ]),
    ).toThrow(/without gaps: 3/);
    expect(() => parseMigrations([{ file: '001-A.sql', sql: '' }])).toThrow(/NNN-name/);
  });

  it('checksums the text, not its line ends', () => {
    expect(migrationChecksum('CREATE TABLE a (id int);\nSELECT 1;')).toMatch(/^[0-9a-f]{16}$/);
    expect(migrationChecksum('a;\r\nb;\r\n')).toBe(migrationChecksum('a;\nb;\n'));
    expect(migrationChecksum('a;')).not.toBe(migrationChecksum('b;'));
    expect(migrationChecksum('')).toBe('cbf29ce484222325'); // FNV-1a 64's offset basis
  });

  it('plans what is not applied yet, in order', () => {
    const all = [m(1, 'a'), m(2, 'b'), m(3, 'c')];
    const applied = [{ id: 1, name: 'a', checksum: migrationChecksum('SELECT 1;') }];
    expect(planMigrations(all, applied)).toEqual({ pending: [all[1], all[2]], unsummed: [] });
    expect(planMigrations(all, []).pending).toEqual(all);
  });

  it('refuses a migration this build does not know, by number or by name', () => {
    expect(() =>
      planMigrations([m(1, 'a')], [{ id: 2, name: 'from-the-future', checksum: null }]),
    ).toThrow(/2-from-the-future that this build does not know/);
    expect(() => planMigrations([m(1, 'a')], [{ id: 1, name: 'other', checksum: null }])).toThrow(
      /1-other that this build does not know/,
    );
  });

  it('refuses a migration edited after the database applied it', () => {
    const applied = [{ id: 1, name: 'a', checksum: migrationChecksum('SELECT 1;') }];
    expect(() => planMigrations([m(1, 'a', 'SELECT 2;')], applied)).toThrow(/1-a was edited/);
  });

  it('records the checksum of rows applied before checksums were kept', () => {
    expect(planMigrations([m(1, 'a')], [{ id: 1, name: 'a', checksum: null }])).toEqual({
      pending: [],
      unsummed: [{ id: 1, checksum: migrationChecksum('SELECT 1;') }],
    });
  });
});
