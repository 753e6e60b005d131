import { describe, expect, it } from 'vitest';
import { ariaSort, nextSort, sortRows } from './sort';

const rows = [
  { name: '王芳', no: '1010', served: 12, rate: 0.9 },
  { name: '李明', no: '1001', served: 30, rate: null },
  { name: '张伟', no: '1002', served: 12, rate: 0.75 },
  { name: 'Anna', no: '1100', served: 5, rate: 1 },
];

describe('sorting report tables', () => {
  it('sorts numbers both ways, keeping ties in their order', () => {
    expect(sortRows(rows, (r) => r.served, 'desc').map((r) => r.no)).toEqual([
      '1001',
      '1010',
      '1002',
      '1100',
    ]);
    expect(sortRows(rows, (r) => r.served, 'asc').map((r) => r.no)).toEqual([
      '1100',
      '1010',
      '1002',
      '1001',
    ]);
  });

  it('keeps missing values last in either direction', () => {
    expect(sortRows(rows, (r) => r.rate, 'asc').map((r) => r.rate)).toEqual([0.75, 0.9, 1, null]);
    expect(sortRows(rows, (r) => r.rate, 'desc').map((r) => r.rate)).toEqual([1, 0.9, 0.75, null]);
  });

  it('sorts text naturally: staff numbers by value, names by the Chinese collation', () => {
    expect(sortRows(['A10', 'A9', 'A100'], (r) => r, 'asc')).toEqual(['A9', 'A10', 'A100']);
    const names = sortRows(rows, (r) => r.name, 'asc').map((r) => r.name);
    expect(names).toHaveLength(4);
    expect(names.indexOf('李明')).toBeLessThan(names.indexOf('王芳')); // li < wang < zhang
    expect(names.indexOf('王芳')).toBeLessThan(names.indexOf('张伟'));
  });

  it('clicks: a new column starts largest-first for numbers and A-first for text, again reverses', () => {
    expect(nextSort(null, 'served', true)).toEqual({ key: 'served', dir: 'desc' });
    expect(nextSort({ key: 'served', dir: 'desc' }, 'served', true)).toEqual({
      key: 'served',
      dir: 'asc',
    });
    expect(nextSort({ key: 'served', dir: 'asc' }, 'name', false)).toEqual({
      key: 'name',
      dir: 'asc',
    });
    expect(ariaSort({ key: 'served', dir: 'asc' }, 'served')).toBe('ascending');
    expect(ariaSort({ key: 'served', dir: 'desc' }, 'served')).toBe('descending');
    expect(ariaSort({ key: 'served', dir: 'desc' }, 'name')).toBe('none');
    expect(ariaSort(null, 'name')).toBe('none');
  });
});
