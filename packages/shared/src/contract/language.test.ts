import { describe, expect, it } from 'vitest';
import { errorCodes, errorMessage, errorMessages, fail, inLanguage } from '../errors';
import { langOf, langs, negotiateLang } from './language';

describe('negotiateLang (Accept-Language → zh or en)', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en;q=0.5, zh;q=0.6', 'zh'],
    ['zh;q=0.5, en;q=0.6', 'en'],
    ['fr-FR, en;q=0.3', 'en'],
    ['fr-FR, de', 'zh'],
    ['en;q=0', 'zh'],
    ['en;q=0, zh;q=0', 'zh'],
    ['*', 'zh'],
    ['en;q=0.1, *;q=0.5', 'zh'],
    ['EN-gb', 'en'],
    ['en;q=2', 'zh'], // a weight over 1 is malformed: the entry is skipped
    ['en;q=abc', 'zh'],
    ['en;q=0.5;q=0.9', 'zh'],
    ['en;level=1', 'zh'],
    ['zh-Hant-TW;q=0.4, en;q=0.4', 'zh'], // a tie: the first listed
    ['e\u0000n, en', 'en'],
    [';;;,,,;q=1', 'zh'],
    [`${'x'.repeat(300)}, en`, 'zh'], // past the part read
  ])('%j → %s', (header, lang) => {
    expect(negotiateLang(header)).toBe(lang);
  });

  it('reads a huge or garbage header in bounded time and answers zh', () => {
    const huge = `${'a-'.repeat(500_000)}en`;
    const started = performance.now();
    expect(negotiateLang(huge)).toBe('zh');
    expect(negotiateLang(','.repeat(1_000_000) + 'en')).toBe('zh');
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('langOf (a socket auth lang)', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['zh-CN', 'zh'],
    ['fr', 'zh'],
    [42, 'zh'],
    [null, 'zh'],
    [{ toString: () => 'en' }, 'zh'],
    ['en'.padEnd(10_000, 'x'), 'zh'],
  ])('%j → %s', (value, lang) => {
    expect(langOf(value)).toBe(lang);
  });
});

describe('error messages', () => {
  it('every error code has words in every language', () => {
    for (const code of errorCodes) {
      for (const lang of langs)
        expect(errorMessages[code][lang].trim(), `${code} ${lang}`).not.toBe('');
    }
  });

  it('a refusal is given in the caller language, its detail kept', () => {
    const ack = fail('rate_limited', 'retry after 3 s');
    expect(inLanguage(ack, 'zh').message).toBe(`${errorMessages.rate_limited.zh} retry after 3 s`);
    expect(inLanguage(ack, 'en')).toBe(ack);
    expect(errorMessage('not_found', 'en')).toBe('Not found.');
    expect(errorMessage('not_found')).toBe('未找到。');
  });

  it('leaves successes, foreign messages and unknown codes alone', () => {
    const done = { ok: true, data: 1 };
    expect(inLanguage(done, 'zh')).toBe(done);
    const foreign = { ok: false, code: 'not_found', message: 'something else' };
    expect(inLanguage(foreign, 'zh')).toBe(foreign);
    const unknown = { ok: false, code: 'nope', message: 'Not found.' };
    expect(inLanguage(unknown, 'zh')).toBe(unknown);
  });
});
