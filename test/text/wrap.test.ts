import {describe, expect, it} from 'vitest';
import {wrap} from '../../source/text/wrap.js';
import {cellWidth, truncateToWidth} from '../../source/text/width.js';

const shown = (text: string, width: number) =>
  wrap(text, 0, text.length, width).map((line) =>
    text.slice(line.start, line.end).replace(/\n/g, ' ').trimEnd(),
  );

describe('wrap', () => {
  it('fills lines greedily and breaks at spaces', () => {
    expect(shown('the quick brown fox jumps over the lazy dog', 15)).toEqual([
      'the quick brown',
      'fox jumps over',
      'the lazy dog',
    ]);
  });

  it('reflows hard-wrapped lines', () => {
    expect(shown('one\ntwo\nthree four', 20)).toEqual(['one two three four']);
  });

  it('covers the text with no gaps or overlaps', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do.';
    const lines = wrap(text, 0, text.length, 12);
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.start).toBe(lines[i - 1]!.end);
    expect(lines.at(-1)!.end).toBe(text.length);
  });

  it('counts an ideographic space as the two cells it takes', () => {
    // あ, a space and U+3000 take five cells: い no longer fits a line of six beside them.
    const text = 'あ \u3000いう';
    const lines = wrap(text, 0, text.length, 6).map((line) => text.slice(line.start, line.end));
    expect(lines).toEqual(['あ \u3000', 'いう']);
    for (const line of lines) expect(cellWidth(line.trimEnd())).toBeLessThanOrEqual(6);
  });

  it('wraps an indent wider than the line, in text that keeps its indents', () => {
    // A preformatted line (code from a web page) indented 64 columns, at a measure of 60.
    const text = `${' '.repeat(64)}}`;
    const lines = wrap(text, 0, text.length, 60, {keepIndent: true}).map((line) =>
      text.slice(line.start, line.end),
    );
    expect(lines.map((line) => line.trimEnd())).toEqual(['', '}']);
    expect(lines.join('')).toBe(text);
  });

  it('splits a word wider than the line between graphemes', () => {
    expect(shown('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    const family = '👩‍👩‍👧'.repeat(3);
    const lines = shown(family, 4);
    expect(lines).toEqual(['👩‍👩‍👧👩‍👩‍👧', '👩‍👩‍👧']);
  });

  it('breaks CJK text between characters and counts two cells each', () => {
    const lines = shown('吾輩は猫である。名前はまだ無い。', 10);
    for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(10);
    expect(lines.join('')).toBe('吾輩は猫である。名前はまだ無い。');
    // A closing mark never starts a line.
    for (const line of lines) expect(line.startsWith('。')).toBe(false);
  });

  it('never starts a line with a space kept inside an unbreakable piece', () => {
    // UAX #14 keeps a closing » and an opening 「 together across the space (LB15).
    expect(shown('«guillemets» 「引用」', 3)).toEqual([
      '«gu',
      'ill',
      'eme',
      'ts»',
      '「',
      '引',
      '用',
      '」',
    ]);
  });

  it('puts a character wider than the line on a line of its own, with no empty line before it', () => {
    expect(shown('漢字', 1)).toEqual(['漢', '字']);
    expect(shown('a 漢字', 1)).toEqual(['a', '漢', '字']);
    expect(wrap('漢', 0, 1, 1)).toEqual([{start: 0, end: 1}]);
  });

  it('never lets a line start with a space', () => {
    for (const line of shown('  a  b  c  d  e  f  g', 3)) expect(line.startsWith(' ')).toBe(false);
  });
});

describe('truncateToWidth', () => {
  it('cuts by cells and ends with an ellipsis', () => {
    expect(truncateToWidth('Hello world', 6)).toBe('Hello…');
    expect(truncateToWidth('世界世界', 5)).toBe('世界…');
    expect(truncateToWidth('short', 10)).toBe('short');
  });
});

describe('wrap at the edges', () => {
  it('skips leading spaces unless asked to keep the indent, and has nothing to wrap in spaces', () => {
    expect(wrap('   hello', 0, 8, 10)).toEqual([{start: 3, end: 8}]);
    expect(wrap('   hello', 0, 8, 10, {keepIndent: true})).toEqual([{start: 0, end: 8}]);
    expect(wrap('    ', 0, 4, 10)).toEqual([]);
    expect(wrap('    ', 0, 4, 10, {keepIndent: true})).toEqual([]);
    expect(wrap('', 0, 0, 10)).toEqual([]);
  });

  it('fits a word exactly as wide as the line, and splits one a cell wider', () => {
    expect(wrap('abcde fghij', 0, 11, 5)).toEqual([
      {start: 0, end: 6},
      {start: 6, end: 11},
    ]);
    expect(wrap('abcdef', 0, 6, 5)).toEqual([
      {start: 0, end: 5},
      {start: 5, end: 6},
    ]);
    expect(wrap('abcdefg', 0, 7, 3)).toEqual([
      {start: 0, end: 3},
      {start: 3, end: 6},
      {start: 6, end: 7},
    ]);
  });

  it('counts the spaces kept inside an over-wide piece on the line they trail', () => {
    // « and the no-break space after it stay with the word; the piece is cut by cells.
    const text = '«\u00a0abcdef\u00a0» gh';
    const lines = wrap(text, 0, text.length, 4);
    expect(lines.map(({start, end}) => text.slice(start, end))).toEqual([
      '«\u00a0ab',
      'cdef\u00a0',
      '» gh',
    ]);
  });
});
