import { describe, expect, it } from 'vitest';
import { csvField, csvFile, spreadsheetText } from './spreadsheet';

describe('spreadsheetText', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3+cmd|A0', "'-2+3+cmd|A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['-3.5', '-3.5'],
    ['+7', '+7'],
    ['-12.5%', '-12.5%'],
    ['-1,234.5', '-1,234.5'],
    ['-', '-'],
    ['李明', '李明'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (text, shown) => {
    expect(spreadsheetText(text)).toBe(shown);
  });
});

describe('csvField', () => {
  it.each([
    [-3.5, '-3.5'],
    [0, '0'],
    [null, ''],
    [undefined, ''],
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a, "b"', '"a, ""b"""'],
    ['two\nlines', '"two\nlines"'],
  ])('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('csvFile', () => {
  // One row per case: the cells, then the line RFC 4180 writes (before its CRLF).
  it.each([
    ['plain text and numbers', ['a', 1, -3.5], 'a,1,-3.5'],
    ['a quote', ['say "hi"'], '"say ""hi"""'],
    ['a comma', ['a,b', 'c'], '"a,b",c'],
    ['a line feed', ['two\nlines'], '"two\nlines"'],
    ['a CRLF inside', ['two\r\nlines'], '"two\r\nlines"'],
    ['= formula', ['=1+1'], "'=1+1"],
    ['= formula with quotes', ['=HYPERLINK("http://x","y")'], '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+ formula', ["+cmd|' /C calc'!A0"], "'+cmd|' /C calc'!A0"],
    ['- formula', ['-2+3+cmd|A0'], "'-2+3+cmd|A0"],
    ['@ formula', ['@SUM(A1)'], "'@SUM(A1)"],
    ['tab first', ['\t=1+1'], "'\t=1+1"],
    ['CR first', ['\r=1+1'], '"\'\r=1+1"'],
    ['numbers written as text', ['-3.5', '+7', '-12.5%', '-'], '-3.5,+7,-12.5%,-'],
    ['a number with thousands', ['-1,234.5'], '"-1,234.5"'],
    ['Chinese text', ['业务', '电费缴纳，李明'], '业务,电费缴纳，李明'],
    ['empty, null and undefined', ['', null, undefined], ',,'],
  ])('%s', (_, cells, line) => {
    expect(csvFile([cells])).toBe(`${line}\r\n`);
  });

  it('ends every line with CRLF, the last one too', () => {
    expect(csvFile([['h1', 'h2'], ['a', 'b'], []])).toBe('h1,h2\r\na,b\r\n\r\n');
  });

  it('starts with a BOM only when asked, so Excel reads UTF-8', () => {
    expect(csvFile([['业务']], { bom: true })).toBe('\uFEFF业务\r\n');
    expect(csvFile([['业务']], { bom: false })).toBe('业务\r\n');
  });

  it('writes no lines for no rows', () => {
    expect(csvFile([])).toBe('');
    expect(csvFile([], { bom: true })).toBe('\uFEFF');
  });
});
