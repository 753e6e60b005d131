import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the screens’ words', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)])
      expect(text.trim(), key).not.toBe('');
  });

  it.each(Object.keys(zh) as (keyof typeof zh)[])('%s fills the same blanks in both', (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(zh[key]));
  });

  it('has no Chinese in the English', () => {
    const chinese = Object.entries(en).filter(
      ([key, text]) => key !== 'language' && /[\u3400-\u9fff]/.test(text),
    );
    expect(chinese).toEqual([]);
  });
});
