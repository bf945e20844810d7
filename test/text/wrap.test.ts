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
