import { describe, expect, it } from 'vitest';
import { imeDictionary } from './ime-dictionary';
import { buildDictionary, candidates } from './pinyin-ime';

// The supervision box's pinyin keyboard offers the hall's words for what a customer types.

const first = (typed: string, n = 1) =>
  candidates(imeDictionary(), typed)
    .slice(0, n)
    .map((c) => c.text);

describe('pinyin candidates', () => {
  it.each([
    ['dianfei', '电费'],
    ['dian fei', '电费'],
    ["dian'fei", '电费'],
    ['df', '电费'],
    ['dianfeiyiwen', '电费疑问'],
    ['tingdian', '停电'],
    ['tingdianbaoxiu', '停电报修'],
    ['biaoyang', '表扬'],
    ['fuwutaidu', '服务态度'],
    ['denghou', '等候'],
    ['dian', '电'],
    ['chuangkou', '窗口'],
    ['xiexie', '谢谢'],
    ['lvsetongdao', '绿色通道'],
  ])('offers %j first as %s', (typed, word) => {
    expect(first(typed)).toEqual([word]);
  });

  it('offers a word for the start of the typing and says how much of it the word takes', () => {
    const found = candidates(imeDictionary(), 'dianfeitaigao');
    expect(found[0]).toEqual({ text: '电费', consumed: 7 });
    expect(found.map((c) => c.text)).toContain('电');
  });

  it('offers words still being typed after those spelled in full', () => {
    const texts = candidates(imeDictionary(), 'dianf').map((c) => c.text);
    expect(texts.indexOf('电费')).toBeLessThan(texts.indexOf('电'));
    expect(candidates(imeDictionary(), 'chu').map((c) => c.text)).toContain('出');
  });

  it('never cuts a syllable in the middle and offers nothing for no letters', () => {
    // 大 (da) for "dian" would leave "ian", which no syllable starts with.
    expect(first('dian', 40)).not.toContain('大');
    expect(first('dian', 40)).toContain('地'); // di'an
    expect(candidates(imeDictionary(), '')).toEqual([]);
    expect(candidates(imeDictionary(), "  '")).toEqual([]);
    expect(candidates(imeDictionary(), 'xyzq')).toEqual([]);
  });

  it('leaves out words whose reading does not fit their characters', () => {
    const dict = buildDictionary(['电费', 'ab'], (w) =>
      w === '电费' ? [['dian', 'fei']] : [['a1']],
    );
    expect(dict.map((e) => e.text)).toEqual(['电费']);
  });
});
