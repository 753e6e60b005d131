import { describe, expect, it } from 'vitest';
import { idleTimeoutSec, isExitGesture, secondsLeft, showsCountdown } from './idle-timer';
import { entryProblem, maskEntry } from './masking';
import { issuedAtText, pageSize, statusUrl } from './ticket-print';
import { waitMinutes } from './wait';

describe('what the keypad entry shows (never a whole number on a public screen)', () => {
  it.each([
    ['phone', '', ''],
    ['phone', '138', '138'],
    ['phone', '1381', '138*'],
    ['phone', '1381234', '138****'],
    ['phone', '13812345678', '138****5678'],
    ['phone', '01012345678', '010****5678'],
    ['accountNo', '31', '31'],
    ['accountNo', '310000', '310000'],
    ['accountNo', '3100000', '31*0000'],
    ['accountNo', '3100000001', '31****0001'],
    ['accountNo', '31000000012345678901', '31**************8901'],
  ] as const)('%s %s shows as %s', (kind, typed, shown) => {
    expect(maskEntry(kind, typed)).toBe(shown);
  });

  it.each([
    ['phone', '', null],
    ['phone', '13812345678', null],
    ['phone', '1381234567', 'invalidPhone'],
    ['phone', '23812345678', 'invalidPhone'],
    ['phone', '0101234567', null],
    ['accountNo', '3100000001', null],
    ['accountNo', '31000', 'invalidAccount'],
    ['accountNo', '123456789012345678901', 'invalidAccount'],
  ] as const)('%s %s: %s', (kind, typed, problem) => {
    expect(entryProblem(kind, typed)).toBe(problem);
  });
});

describe('the idle timer', () => {
  it.each([
    ['menu', 60],
    ['details', 60],
    ['appointment', 60],
    ['opinion', 60],
    ['issuing', null],
    ['issued', 20],
    ['thanks', 20],
    ['error', 20],
  ] as const)('%s goes back after %s s', (step, seconds) => {
    expect(idleTimeoutSec(step)).toBe(seconds);
  });

  it.each([
    // last touch, timeout, now, seconds left
    [0, 20, 0, 20],
    [0, 20, 1, 20],
    [0, 20, 999, 20],
    [0, 20, 1000, 19],
    [0, 20, 19_001, 1],
    [0, 20, 20_000, 0],
    [0, 20, 60_000, 0],
    [5000, 20, 24_000, 1],
  ])('touched at %i, %i s timeout, at %i: %i s left', (touched, timeout, now, left) => {
    expect(secondsLeft(touched, timeout, now)).toBe(left);
  });

  it('shows the countdown only after the business is done', () => {
    expect(['menu', 'details', 'issuing', 'issued', 'thanks'].filter(showsCountdown)).toEqual([
      'issued',
      'thanks',
    ]);
  });

  it.each([
    [[1000, 1500, 2000, 2500, 3000], 3000, true],
    [[1000, 1500, 2000, 2500], 2500, false],
    [[0, 1500, 2000, 2500, 3100], 3100, false],
    [[0, 100, 200, 300, 400], 9000, false],
  ])('taps %j at %i open the admin exit: %s', (taps, now, open) => {
    expect(isExitGesture(taps, now)).toBe(open);
  });
});

describe('the printed ticket and the wait', () => {
  it.each([
    [0, null],
    [-5, null],
    [1, 1],
    [89, 1],
    [90, 2],
    [600, 10],
  ])('%i s reads as %s minutes', (sec, minutes) => {
    expect(waitMinutes(sec)).toBe(minutes);
  });

  it('links the QR code to the phone page of that one ticket', () => {
    expect(statusUrl('http://10.0.0.5:8080', 'tk 1', 'a/b+c')).toBe(
      'http://10.0.0.5:8080/status?ticket=tk+1&token=a%2Fb%2Bc',
    );
  });

  it.each([
    [Date.UTC(2026, 10, 24, 1, 5), 'Asia/Shanghai', '2026-11-24 09:05'],
    [Date.UTC(2026, 10, 24, 16, 30), 'Asia/Shanghai', '2026-11-25 00:30'],
    [Date.UTC(2026, 10, 24, 16, 30), 'UTC', '2026-11-24 16:30'],
  ])('issued at %i in %s prints %s', (at, zone, text) => {
    expect(issuedAtText(at, zone)).toBe(text);
  });

  it('cuts the page to the roll width', () => {
    expect(pageSize(80).widthMm).toBe(80);
    expect(pageSize(58).widthMm).toBe(58);
  });
});
