import { describe, expect, it } from 'vitest';
import { CenterError, createCenterClient } from './center-client';

// The request retry policy: network failures, 5xx and 429 are tried again with backoff up to
// `attempts` tries; a refusal (4xx) is not; the hall's shutdown ends the waiting.

const STATE = { hallId: 'h1', cursors: {}, lastBatchAt: null };

function fakeCenter(answers: (number | 'down')[]) {
  const calls: number[] = [];
  const fetchFn = (async () => {
    calls.push(calls.length);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    if (answer === 'down') throw new TypeError('fetch failed');
    const ok = answer === 200;
    return new Response(
      JSON.stringify(
        ok ? { ok: true, data: STATE } : { ok: false, code: `e${answer}`, message: 'no' },
      ),
      { status: answer, headers: { 'content-type': 'application/json' } },
    );
  }) as typeof fetch;
  return { calls, fetchFn };
}

function client(fetchFn: typeof fetch, extra: { attempts?: number; signal?: AbortSignal } = {}) {
  return createCenterClient({
    url: 'http://127.0.0.1:9/',
    hallId: 'h1',
    key: 'k'.repeat(64),
    backoff: { baseMs: 1, maxMs: 4 },
    random: () => 0.5,
    fetch: fetchFn,
    ...extra,
  });
}

describe('the center client retrying a request', () => {
  it('tries again after network failures, 5xx and 429, and returns the answer', async () => {
    const center = fakeCenter(['down', 503, 429, 200]);
    await expect(client(center.fetchFn).state()).resolves.toMatchObject({ hallId: 'h1' });
    expect(center.calls).toHaveLength(4);
  });

  it('gives up after `attempts` tries with the last failure', async () => {
    const center = fakeCenter([503]);
    const err = await client(center.fetchFn, { attempts: 3 })
      .state()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CenterError);
    expect(err).toMatchObject({ code: 'e503', retryable: true });
    expect(center.calls).toHaveLength(3);
  });

  it('does not retry a refusal', async () => {
    const center = fakeCenter([401, 200]);
    await expect(client(center.fetchFn).state()).rejects.toMatchObject({ code: 'e401' });
    expect(center.calls).toHaveLength(1);
  });

  it('stops waiting when the hall shuts down', async () => {
    const abort = new AbortController();
    const center = fakeCenter([503]);
    const slow = createCenterClient({
      url: 'http://127.0.0.1:9/',
      hallId: 'h1',
      key: 'k'.repeat(64),
      backoff: { baseMs: 3_600_000, maxMs: 3_600_000 }, // an hour: only the abort ends it
      fetch: center.fetchFn,
      signal: abort.signal,
    });
    const pending = slow.state();
    await expect.poll(() => center.calls.length).toBe(1);
    abort.abort();
    await expect(pending).rejects.toBeDefined();
    expect(center.calls).toHaveLength(1);
  });
});
