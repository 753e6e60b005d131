import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../test-support/work-records';
import { createSessionStore, readSignedIn, type SignedIn } from './session-store';

// The signed-in staff member kept per screen across a reload, read back only when it is whole.

const signedIn: SignedIn = {
  sessionToken: 'sess-1',
  staff: {
    id: 'stf-1',
    staffNo: '1001',
    name: '王芳',
    roles: ['clerk'],
    photoUrl: null,
    active: true,
    changeSeq: 1,
  },
  session: {
    id: 'ses-1',
    staffId: 'stf-1',
    deviceId: 'dev-1',
    counterId: null,
    startedAt: 1,
    endedAt: null,
    changeSeq: 1,
  },
};

describe('readSignedIn', () => {
  it.each([
    ['a whole sign-in', JSON.stringify(signedIn), signedIn],
    ['nothing kept', null, null],
    ['empty', '', null],
    ['not JSON', '{oops', null],
    ['without its staff', JSON.stringify({ ...signedIn, staff: undefined }), null],
    ['an old shape', JSON.stringify({ token: 'x' }), null],
  ])('%s', (_, raw, expected) => {
    expect(readSignedIn(raw)).toEqual(expected);
  });
});

describe('createSessionStore', () => {
  it('keeps the sign-in per screen and forgets it on sign-out', () => {
    const storage = memoryStorage();
    const counter = createSessionStore('counter', storage);
    expect(counter.getState().signedIn).toBeNull();
    counter.setState({ signedIn });
    expect(createSessionStore('counter', storage).getState().signedIn).toEqual(signedIn);
    expect(createSessionStore('pad', storage).getState().signedIn).toBeNull();
    counter.setState({ signedIn: null });
    expect(storage.getItem('onestop.counter.session')).toBeNull();
    expect(createSessionStore('counter', storage).getState().signedIn).toBeNull();
  });

  it('starts signed out over a damaged copy, and without storage', () => {
    const storage = memoryStorage();
    storage.setItem('onestop.counter.session', '{"sessionToken":1}');
    expect(createSessionStore('counter', storage).getState().signedIn).toBeNull();
    expect(createSessionStore('counter').getState().signedIn).toBeNull();
  });
});
