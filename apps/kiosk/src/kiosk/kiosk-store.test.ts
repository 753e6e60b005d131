import { describe, expect, it } from 'vitest';
import { issuedTicket } from '../../test-support/records';
import { createKioskStore, type KioskState } from './kiosk-store';

// The kiosk's flow for one customer: each action's step, print request and last touch.

function kioskAt(start = 1000) {
  let now = start;
  const store = createKioskStore(() => now);
  return {
    store,
    state: () => store.getState(),
    later: (ms: number) => (now += ms),
  };
}

describe('the kiosk’s flow', () => {
  it('starts at the menu, in normal text, with nothing to print, touched as it opens', () => {
    const { state } = kioskAt(1000);
    expect(state()).toMatchObject({
      step: { name: 'menu' },
      largeText: false,
      printRequest: 0,
      lastTouchAt: 1000,
    });
  });

  it.each<[string, (s: KioskState) => void, Partial<KioskState>]>([
    [
      'going to a service’s details',
      (s) => s.go({ name: 'details', serviceId: 'svc-billing' }),
      { step: { name: 'details', serviceId: 'svc-billing' }, printRequest: 0, lastTouchAt: 1500 },
    ],
    [
      'an issued ticket, which asks for a print',
      (s) => s.issued(issuedTicket({ number: 'A007' }), '预约签到'),
      {
        step: { name: 'issued', issued: issuedTicket({ number: 'A007' }), note: '预约签到' },
        printRequest: 1,
        lastTouchAt: 1500,
      },
    ],
    ['printing again', (s) => s.printAgain(), { printRequest: 1, lastTouchAt: 1500 }],
    ['a touch at a given time', (s) => s.touched(1234), { lastTouchAt: 1234 }],
    [
      'large text, which is no touch of the idle timer’s',
      (s) => s.toggleLargeText(),
      { largeText: true, lastTouchAt: 1000 },
    ],
  ])('%s', (_, act, expected) => {
    const { state, later } = kioskAt(1000);
    later(500);
    act(state());
    expect(state()).toMatchObject(expected);
  });

  it('toggles large text back off', () => {
    const { state } = kioskAt();
    state().toggleLargeText();
    state().toggleLargeText();
    expect(state().largeText).toBe(false);
  });

  it('counts every print request: the issue, then each print again', () => {
    const { state } = kioskAt();
    state().issued(issuedTicket(), null);
    state().printAgain();
    state().printAgain();
    expect(state().printRequest).toBe(3);
  });

  it('starts the next customer afresh: the menu, normal text, touched now; the print count goes on', () => {
    const { state, later } = kioskAt(1000);
    state().toggleLargeText();
    state().issued(issuedTicket(), null);
    later(20_000);
    state().reset();
    expect(state()).toMatchObject({
      step: { name: 'menu' },
      largeText: false,
      printRequest: 1,
      lastTouchAt: 21_000,
    });
  });

  it('gives each store its own state', () => {
    const one = kioskAt();
    const two = kioskAt();
    one.state().go({ name: 'opinion' });
    expect(two.state().step).toEqual({ name: 'menu' });
  });
});
