import { describe, expect, it } from 'vitest';
import { csvField, spreadsheetText } from './spreadsheet';

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
