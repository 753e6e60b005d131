import { describe, expect, it } from 'vitest';
import { Text, textProblem } from './command-kit';

// Free text from devices: no control characters (newline only where the field is multi-line)
// and no bidi controls, which reorder what a duty leader or a spreadsheet shows.

describe('textProblem', () => {
  it.each([
    ['plain Chinese and English', '王先生 Mr Wang, 3#楼', false, null],
    ['emoji and CJK punctuation', '电费已缴 👍(谢谢)', false, null],
    ['arabic letters (right-to-left text itself is fine)', 'مرحبا', false, null],
    ['a newline in a multi-line note', 'line one\nline two', true, null],
    ['NUL', 'a\u0000b', false, 'control'],
    ['a newline in a single-line name', 'a\nb', false, 'control'],
    ['a tab', 'a\tb', false, 'control'],
    ['a tab in a multi-line note', 'a\tb', true, 'control'],
    ['a carriage return in a multi-line note', 'a\r\nb', true, 'control'],
    ['bell', 'a\u0007', false, 'control'],
    ['escape (terminal sequences)', '\u001b[31mred', false, 'control'],
    ['DEL', 'a\u007fb', false, 'control'],
    ['a C1 control', 'a\u0085b', true, 'control'],
    ['the last C1 control', 'a\u009fb', false, 'control'],
    ['right-to-left override', 'abc\u202Egnp.exe', false, 'bidi'],
    ['left-to-right embedding', '\u202Aabc', false, 'bidi'],
    ['pop directional formatting', 'abc\u202C', false, 'bidi'],
    ['right-to-left isolate', '\u2067abc', false, 'bidi'],
    ['pop directional isolate', 'abc\u2069', false, 'bidi'],
    ['left-to-right mark', 'a\u200Eb', false, 'bidi'],
    ['right-to-left mark', 'a\u200Fb', false, 'bidi'],
    ['arabic letter mark', 'a\u061Cb', false, 'bidi'],
    [
      'a line separator (ends a line in JavaScript and some CSV readers)',
      'a\u2028b',
      false,
      'invisible',
    ],
    ['a paragraph separator, even in a multi-line note', 'a\u2029b', true, 'invisible'],
    ['a zero-width space (王\u200B小明 is not 王小明)', '王\u200B小明', false, 'invisible'],
    ['a byte-order mark inside the text', 'ab\uFEFFc', false, 'invisible'],
    ['a word joiner', 'a\u2060b', false, 'invisible'],
    ['a zero-width joiner inside an emoji (family) stays', '👨\u200D👩\u200D👧', false, null],
  ])('%s', (_name, text, multiline, kind) => {
    const problem = textProblem(text, multiline);
    if (kind === null) expect(problem).toBeNull();
    else
      expect(problem).toMatch(
        kind === 'bidi' ? /direction/ : kind === 'invisible' ? /invisible/ : /control/,
      );
  });
});

describe('Text', () => {
  it('trims, then checks length and characters; the message names the problem', () => {
    const Name = Text({ min: 1, max: 5 });
    expect(Name.parse('  王小明 ')).toBe('王小明');
    expect(Name.safeParse('').success).toBe(false);
    expect(Name.safeParse('abcdef').success).toBe(false);
    const refused = Name.safeParse('a\u202Eb');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/direction/);
  });

  it('allows newlines only where asked', () => {
    expect(Text({ max: 50, multiline: true }).parse('one\ntwo')).toBe('one\ntwo');
    expect(Text({ max: 50 }).safeParse('one\ntwo').success).toBe(false);
  });
});
