import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseIdCardDriver, noReader, parseCardFile, simulatedReader } from './id-card';
import { parseIdCardTimeout } from './policy';

const dir = mkdtempSync(join(tmpdir(), 'id-card-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const noWait = () => Promise.resolve();

describe('the ID card reader in the kiosk shell', () => {
  it.each([
    [
      '{"idNumber":"11010519491231002X","name":"张三"}',
      { idNumber: '11010519491231002X', name: '张三' },
    ],
    [
      '{"idNumber":"11010519491231002x","name":" 张三 "}',
      { idNumber: '11010519491231002X', name: '张三' },
    ],
    ['{"idNumber":"1101051949123100","name":"张三"}', null],
    ['{"idNumber":"11010519491231002X"}', null],
    ['{"idNumber":110105194912310020,"name":"张三"}', null],
    ['not json', null],
    ['null', null],
  ])('reads the card file %s', (text, card) => {
    expect(parseCardFile(text)).toEqual(card);
  });

  it('the simulated reader answers the card in its file, or null once the time is up', async () => {
    const path = join(dir, 'card.json');
    const reader = simulatedReader(path, noWait);
    expect(await reader.read(1000)).toBeNull();
    writeFileSync(path, '{"idNumber":"11010519491231002X","name":"张三"}');
    expect(await reader.read(1000)).toEqual({ idNumber: '11010519491231002X', name: '张三' });
  });

  it('is chosen by --id-card-file or ONESTOP_ID_CARD_FILE; without either there is no reader', () => {
    expect(chooseIdCardDriver(['electron', '--id-card-file=/tmp/x.json'], {}).name).toBe(
      'simulated',
    );
    expect(chooseIdCardDriver([], { ONESTOP_ID_CARD_FILE: '/tmp/x.json' }).name).toBe('simulated');
    expect(chooseIdCardDriver([], {})).toBe(noReader);
  });

  it.each([
    [5000, 5000],
    [0, 0],
    [10 * 60_000, 30_000],
    [-1, null],
    [1.5, null],
    ['5000', null],
    [null, null],
  ])('a read may wait %s ms → %s', (arg, ms) => {
    expect(parseIdCardTimeout(arg)).toBe(ms);
  });
});
