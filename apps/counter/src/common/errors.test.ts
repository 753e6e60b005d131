import { errorMessage } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { refusalDetail } from './errors';

describe('refusalDetail', () => {
  it.each([
    ['zh', '1 follow-up(s) with no assignee', '1 follow-up(s) with no assignee'],
    ['en', '1 follow-up(s) with no assignee', '1 follow-up(s) with no assignee'],
    ['zh', undefined, ''],
    ['en', undefined, ''],
  ] as const)('%s words with detail %s', (lang, detail, shown) => {
    expect(refusalDetail('invalid_payload', errorMessage('invalid_payload', lang, detail))).toBe(
      shown,
    );
  });

  it('shows no detail for a message written otherwise', () => {
    expect(refusalDetail('invalid_payload', 'something else entirely')).toBe('');
  });
});
