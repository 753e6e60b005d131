import type { ErrorCode } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { issuedTicket } from '../../test-support/records';
import type { PrintableTicket } from '../common/TicketPrint';
import { createGuideStore, guideSend, guideStore, isGuideSession } from './guide-store';

// The guide desk's session, kept for the browser tab, and its ticket to print.

const session = { token: 'tok-1', name: '赵引导', staffNo: '7001' };

/** A tab's session storage, by key. */
function tabStorage() {
  const kept = new Map<string, string>();
  return {
    kept,
    setItem: (key: string, value: string) => void kept.set(key, value),
    removeItem: (key: string) => void kept.delete(key),
  };
}

const printable = (number: string): PrintableTicket => {
  const { ticket, statusToken, ...wait } = issuedTicket({ number });
  return {
    ...wait,
    ticket,
    statusToken,
    serviceName: '电费缴纳',
    hallName: '示范供电营业厅',
    footer: '',
    timeZone: 'Asia/Shanghai',
  };
};

describe('the guide desk’s session', () => {
  it('keeps a signed-in guide for the tab, and forgets them on sign-out with the reason', () => {
    const storage = tabStorage();
    const store = createGuideStore(storage);
    expect(store.getState()).toMatchObject({ session: null, notice: null });

    store.getState().signedIn(session);
    expect(store.getState().session).toEqual(session);
    expect(JSON.parse(storage.kept.get('onestop.guideSession')!)).toEqual(session);

    store.getState().signedOut('sessionEnded');
    expect(store.getState()).toMatchObject({ session: null, notice: 'sessionEnded' });
    expect(storage.kept.size).toBe(0);

    store.getState().signedIn(session);
    expect(store.getState().notice).toBeNull();
  });

  it('asks for each ticket to print, the last one shown', () => {
    const store = createGuideStore(tabStorage());
    store.getState().printTicket(printable('A001'));
    store.getState().printTicket(printable('A002'));
    expect(store.getState().printRequest).toBe(2);
    expect(store.getState().print?.ticket.number).toBe('A002');
  });

  it.each([
    ['a session as kept', session, true],
    ['nothing kept', null, false],
    ['a staff number missing', { token: 't', name: '赵引导' }, false],
    ['a token of another kind', { token: 1, name: '赵引导', staffNo: '7001' }, false],
    ['a string', 'tok-1', false],
  ])('reads %s back as a session: %s', (_, kept, valid) => {
    expect(isGuideSession(kept)).toBe(valid);
  });
});

describe('a staff command from the guide desk', () => {
  const refused = (code: ErrorCode) => ({ ok: false as const, code, message: code });

  it.each([
    ['a session the hall no longer knows: back to sign-in', 'not_signed_in', null, 'sessionEnded'],
    ['any other refusal: the guide stays', 'forbidden', 'tok-1', null],
  ] as const)('%s', async (_, code, tokenAfter, notice) => {
    guideStore.setState({ session, notice: null });
    let token: string | null = 'tok-1';
    const connection = {
      send: async () => refused(code),
      setSessionToken: (t: string | null) => void (token = t),
    };
    const ack = await guideSend(connection, 'ticket:find', { number: 'A001' });
    expect(ack).toMatchObject({ ok: false, code });
    expect(token).toBe(tokenAfter);
    expect(guideStore.getState().notice).toBe(notice);
    expect(guideStore.getState().session === null).toBe(notice !== null);
  });
});
