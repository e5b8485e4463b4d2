// parseImportText: one candidate note per line (txt) or row (csv), long lines refused with their line number.
import { describe, expect, it } from 'vitest';
import { parseImportText } from '@shared/import/parseImport.ts';
import { NOTE_TEXT_MAX } from '@shared/model/limits.ts';

describe('txt', () => {
  it.each([
    [
      'one\ntwo',
      [
        ['one', 1],
        ['two', 2],
      ],
    ],
    [
      '\uFEFFone\r\n\r\n  two  \r\n',
      [
        ['one', 1],
        ['two', 3],
      ],
    ],
    [
      'a\rb',
      [
        ['a', 1],
        ['b', 2],
      ],
    ],
    ['\n \n\t\n', []],
    ['', []],
    [
      '=SUM(A1)\n<script>x</script>',
      [
        ['=SUM(A1)', 1],
        ['<script>x</script>', 2],
      ],
    ],
  ])('%j', (text, expected) => {
    const result = parseImportText(text, 'txt');
    expect(result.lines.map((l) => [l.text, l.lineNumber])).toEqual(expected);
    expect(result.errors).toEqual([]);
  });

  it('refuses a line over the limit with a clear message instead of cutting it', () => {
    const lines = ['ok', '', '', '', '', '', 'x'.repeat(312), 'y'.repeat(NOTE_TEXT_MAX), '🔐'.repeat(NOTE_TEXT_MAX)];
    const result = parseImportText(lines.join('\n'), 'txt');
    expect(result.errors).toEqual([
      { lineNumber: 7, message: 'Line 7 is 312 characters; notes hold at most 280. Shorten or split it.' },
    ]);
    // The limit counts code points, as notes do: 280 emoji fit.
    expect(result.lines.map((l) => l.lineNumber)).toEqual([1, 8, 9]);
  });
});

describe('csv', () => {
  it('takes the first column of every row when there is no text/note header', () => {
    const result = parseImportText('Question one,extra\n"Two, with comma",x\n\n"She said ""hi""",y', 'csv');
    expect(result.lines).toEqual([
      { text: 'Question one', lineNumber: 1 },
      { text: 'Two, with comma', lineNumber: 2 },
      { text: 'She said "hi"', lineNumber: 4 },
    ]);
  });

  it('uses a column named text or note (any case) and skips the header', () => {
    const csv = '\uFEFFid,Note,who\r\n1,"first\r\nsecond line",a\r\n2,,b\r\n3,  third  ,c\r\n';
    expect(parseImportText(csv, 'csv')).toEqual({
      lines: [
        { text: 'first\nsecond line', lineNumber: 2 },
        { text: 'third', lineNumber: 5 },
      ],
      errors: [],
    });
    expect(parseImportText('TEXT\nhello', 'csv').lines).toEqual([{ text: 'hello', lineNumber: 2 }]);
  });

  it('reports the starting line of a long multi-line cell, and an unterminated quote', () => {
    const long = `"${'a'.repeat(200)}\n${'b'.repeat(200)}"`;
    const result = parseImportText(`short\n${long}\nafter\n"never closed\nmore`, 'csv');
    expect(result.lines.map((l) => l.text)).toEqual(['short', 'after']);
    expect(result.errors).toEqual([
      { lineNumber: 2, message: 'Line 2 is 401 characters; notes hold at most 280. Shorten or split it.' },
      { lineNumber: 5, message: 'Line 5 opens a quoted field that never closes; nothing from there on was read.' },
    ]);
  });
});
