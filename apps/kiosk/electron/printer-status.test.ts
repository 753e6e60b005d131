import { describe, expect, it } from 'vitest';
import { printerStatusOf, type QueuedPrinter } from './printer-status';

const cups = (reasons: string, state = '3'): QueuedPrinter => ({
  name: 'POS80',
  isDefault: true,
  options: { 'printer-state': state, 'printer-state-reasons': reasons },
});

describe('printerStatusOf', () => {
  it.each([
    ['idle, no reasons', cups('none'), 'ok'],
    ['out of paper', cups('media-empty-error'), 'paper_out'],
    ['paper needed', cups('media-needed-warning'), 'paper_out'],
    ['paper low', cups('media-low-report'), 'paper_low'],
    ['cover open', cups('cover-open-error'), 'cover_open'],
    ['offline', cups('offline-report'), 'offline'],
    ['stopped with no reason', cups('none', '5'), 'offline'],
    [
      'paper out and cover open: the paper first',
      cups('cover-open-error,media-empty-error'),
      'paper_out',
    ],
    ['Windows: paper out', { name: 'POS80', isDefault: true, status: 0x10 }, 'paper_out'],
    ['Windows: door open', { name: 'POS80', isDefault: true, status: 0x400000 }, 'cover_open'],
    ['Windows: offline', { name: 'POS80', isDefault: true, status: 0x80 }, 'offline'],
    ['Windows: ready', { name: 'POS80', isDefault: true, status: 0 }, 'ok'],
  ] as const)('%s → %s', (_, printer, expected) => {
    expect(printerStatusOf([printer], undefined)).toBe(expected);
  });

  it('asks the configured printer, and tells offline when it is not in the queue', () => {
    const other = { ...cups('media-empty-error'), name: 'Office' };
    expect(printerStatusOf([other, { ...cups('none'), isDefault: false }], 'POS80')).toBe('ok');
    expect(printerStatusOf([other], 'POS80')).toBe('offline');
  });

  it('is unknown with no printer to ask', () => {
    expect(printerStatusOf([], undefined)).toBe('unknown');
    const two = [
      { name: 'x', isDefault: false },
      { name: 'y', isDefault: false },
    ];
    expect(printerStatusOf(two, undefined)).toBe('unknown');
    // The only printer there is, when none is the default.
    expect(printerStatusOf([{ name: 'x', options: {} }], undefined)).toBe('ok');
  });
});
