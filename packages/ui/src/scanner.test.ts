import { describe, expect, it } from 'vitest';
import { createScanDetector, type ScanVerdict } from './scanner';

// Keyboard-wedge scans told from typing by timing (docs/customer-identification.md): each
// case is the keys with their times, and what the last key is taken as.

/** `text` typed from `start`, one key every `gap` ms, then Enter `enterGap` ms after. */
function typed(text: string, gap: number, enterGap = gap, start = 1000): [string, number][] {
  const keys: [string, number][] = [...text].map((c, i) => [c, start + i * gap]);
  return [...keys, ['Enter', start + (text.length - 1) * gap + enterGap]];
}

function verdicts(keys: [string, number][]): ScanVerdict[] {
  const d = createScanDetector();
  return keys.map(([k, at]) => d.key(k, at));
}
const last = (keys: [string, number][]) => verdicts(keys).at(-1);

describe('the scanner detector', () => {
  it.each([
    [
      'a scanner: a bill barcode, 5 ms apart',
      typed('B31000001012026115', 5),
      { kind: 'scan', code: 'B31000001012026115' },
    ],
    [
      'a scanner: a plain account number',
      typed('3100000101', 2),
      { kind: 'scan', code: '3100000101' },
    ],
    [
      'a scanner: a QR code URL',
      typed('https://x.cn/b?account=3100000101', 3),
      { kind: 'scan', code: 'https://x.cn/b?account=3100000101' },
    ],
    [
      'a scanner at the limit (35 ms)',
      typed('3100000101', 35),
      { kind: 'scan', code: '3100000101' },
    ],
    ['a person on a hardware keyboard (120 ms)', typed('3100000101', 120), { kind: 'pass' }],
    ['a fast typist (60 ms)', typed('3100000101', 60), { kind: 'pass' }],
    ['too short to be a code', typed('12345', 5), { kind: 'pass' }],
    ['Enter long after the burst', typed('3100000101', 5, 500), { kind: 'pass' }],
    ['Enter alone', [['Enter', 1000]] as [string, number][], { kind: 'pass' }],
  ])('%s', (_what, keys, verdict) => {
    expect(last(keys)).toEqual(verdict);
  });

  it('swallows the burst after its first key (that one cannot be told yet)', () => {
    const v = verdicts(typed('3100000101', 5));
    expect(v[0]).toEqual({ kind: 'pass' });
    expect(v.slice(1, -1).every((x) => x.kind === 'swallow')).toBe(true);
  });

  it('a person typing passes every key through', () => {
    expect(verdicts(typed('3100000101', 150)).every((x) => x.kind === 'pass')).toBe(true);
  });

  it('Shift between a scanner’s keys (upper case) does not break the burst', () => {
    const keys: [string, number][] = [
      ['Shift', 1000],
      ['B', 1002],
      ['3', 1004],
      ['1', 1006],
      ['0', 1008],
      ['0', 1010],
      ['0', 1012],
      ['Enter', 1014],
    ];
    expect(last(keys)).toEqual({ kind: 'scan', code: 'B31000' });
  });

  it('a slow start then a burst: the scan is the burst alone', () => {
    const keys: [string, number][] = [['9', 0], ['9', 400], ...typed('3100000101', 4, 4, 2000)];
    expect(last(keys)).toEqual({ kind: 'scan', code: '3100000101' });
  });

  it('another key (Tab, Backspace) ends a burst', () => {
    const keys: [string, number][] = [
      ...typed('310000', 4).slice(0, -1),
      ['Backspace', 1024],
      ['0', 1026],
      ['Enter', 1028],
    ];
    expect(last(keys)).toEqual({ kind: 'pass' });
  });

  it('one scan after another', () => {
    const d = createScanDetector();
    const a = typed('3100000101', 3)
      .map(([k, at]) => d.key(k, at))
      .at(-1);
    const b = typed('3100000202', 3, 3, 5000)
      .map(([k, at]) => d.key(k, at))
      .at(-1);
    expect([a, b]).toEqual([
      { kind: 'scan', code: '3100000101' },
      { kind: 'scan', code: '3100000202' },
    ]);
  });
});
