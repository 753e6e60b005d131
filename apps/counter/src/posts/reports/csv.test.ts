import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV of a table on screen', () => {
  it('shows a cell that starts like a formula as text and leaves numbers alone', () => {
    expect(
      toCsv(
        ['Name', 'Bias'],
        [
          ['=HYPERLINK("http://x","y")', '-3.5'],
          ['@SUM(A1)', '-'],
          ['+cmd|A0', '12.5%'],
        ],
      ),
    ).toBe(
      '\uFEFFName,Bias\r\n"\'=HYPERLINK(""http://x"",""y"")",-3.5\r\n\'@SUM(A1),-\r\n\'+cmd|A0,12.5%\r\n',
    );
  });
});
