// The rules parseText reads a plain text's blocks by, each at its edges.
import {describe, expect, it} from 'vitest';
import {
  indentedParagraphStarts,
  isJsSpace,
  keepsLines,
  startsListItem,
  typicalWrapLength,
} from '../../source/article/parse-text.js';

describe('whitespace, as JavaScript reads it', () => {
  it('is exactly what \\s matches, for every code unit', () => {
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isJsSpace(code) !== /\s/.test(String.fromCharCode(code))) differing.push(code);
    }
    expect(differing).toEqual([]);
  });
});

describe('a line that starts a list item', () => {
  const item = (line: string, blockEnd = line.length) =>
    startsListItem(line, 0, line.length, blockEnd);

  it('starts with a mark and a space', () => {
    for (const mark of ['-', '*', '•', '–', '—', '+']) {
      expect(item(`${mark} item`)).toBe(true);
      expect(item(`${mark}item`)).toBe(false);
    }
    expect(item('  - indented')).toBe(true);
    expect(item('\t- tabbed')).toBe(true);
    expect(item('- \u00a0no-break')).toBe(true);
    expect(item('-\u00a0no-break')).toBe(true);
    expect(item('= not a mark')).toBe(false);
  });

  it('or a number of up to three digits, or a small letter, then . or )', () => {
    for (const line of ['1. one', '12. twelve', '123. many', '7) seven', 'a. first', 'z) last'])
      expect(item(line)).toBe(true);
    for (const line of [
      '1234. too long',
      '1: colon',
      'A. capital',
      '1.no space',
      'ab. word',
      '/ slash',
      '{. brace',
      '`. tick',
      '/. slash', // below the digits
      '#) hash',
      '1a. a letter after a digit',
      '9:. a colon after one',
    ])
      expect(item(line)).toBe(false);
    expect(item('0. zero')).toBe(true);
    expect(item('10. ten')).toBe(true);
    expect(item('109) a hundred and nine')).toBe(true);
    expect(item('9) nine')).toBe(true);
  });

  it('takes the line’s own break for the space after the mark, not the block’s end', () => {
    const text = '-\nitem';
    expect(startsListItem(text, 0, 1, text.length)).toBe(true);
    expect(startsListItem('-', 0, 1, 1)).toBe(false);
    // At the block's end, whatever follows it in the text.
    expect(startsListItem('-\n\nNext block', 0, 1, 1)).toBe(false);
    expect(startsListItem('1.\n\nNext block', 0, 2, 2)).toBe(false);
    expect(startsListItem('1.\nitem', 0, 2, 7)).toBe(true);
    // Spaces only: no mark at all.
    expect(startsListItem('   \n- x', 0, 3, 7)).toBe(false);
  });
});

describe('a block whose line breaks carry meaning', () => {
  const never = () => Infinity;
  const gaps = (text: string, from: number) => {
    const at = text.indexOf('   ', from);
    return at === -1 ? Infinity : at;
  };
  const keeps = (block: string, typical = 70) => keepsLines(block, 0, block.length, typical, gaps);

  it('is never a single line', () => {
    expect(keeps('- one item alone')).toBe(false);
    expect(keepsLines('a   b', 0, 5, 70, gaps)).toBe(false);
  });

  it('is a table: words three spaces apart', () => {
    // (In unwrapped text, where short lines are not verse.)
    expect(keeps('Name   Age\nAnn   31', 0)).toBe(true);
    expect(keeps('Name  Age\nAnn  31', 0)).toBe(false);
    // The gap must be inside the block, and found by the search it is given.
    expect(keepsLines('one\ntwo   three', 0, 7, 0, gaps)).toBe(false);
    expect(keepsLines('Name   Age\nAnn   31', 0, 19, 0, never)).toBe(false);
    // Spaces that open a line are no gap, whatever tables follow the block.
    const text = 'one\n   two\n\nName   Age';
    expect(keepsLines(text, 0, 10, 0, gaps)).toBe(false);
  });

  it('is a list: at least half its lines start items', () => {
    expect(keeps('- one\n- two\ncontinued\nmore', 0)).toBe(true); // 2 of 4
    expect(keeps('- one\ncontinued\nmore', 0)).toBe(false); // 1 of 3
    expect(keeps('- one\ncontinued', 0)).toBe(true); // 1 of 2
  });

  it('is verse: every line well short of the width the prose was wrapped at', () => {
    const verse = (length: number, lines = 3) =>
      Array.from({length: lines}, () => 'x'.repeat(length)).join('\n');
    expect(keeps(verse(48), 70)).toBe(true); // 48 < 49
    expect(keeps(verse(49), 70)).toBe(false); // 0.7 of 70
    expect(keeps(verse(10), 50)).toBe(true);
    expect(keeps(verse(10), 49)).toBe(false); // unwrapped prose has no verse to tell
    // Trailing spaces do not count toward a line's length.
    expect(keeps(`${'x'.repeat(48)}   \n${'x'.repeat(48)}`, 70)).toBe(true);
    // Nor does what follows the block's end on its last line (a tab the block was trimmed of).
    const tabbed = `${'x'.repeat(48)}\n${'x'.repeat(48)}\t\n\nNext.`;
    expect(keepsLines(tabbed, 0, 97, 70, gaps)).toBe(true);
  });
});

describe('paragraphs begun by an indent, without a blank line', () => {
  const para = (indent: number) => `${' '.repeat(indent)}${'word '.repeat(13).trim()}`;
  const flush = 'word '.repeat(14).trim(); // 69 characters

  it('begin at each indented line after the first, when flush lines run long', () => {
    const block = [para(2), flush, flush, para(4), flush, flush].join('\n');
    const second = block.indexOf('\n    ') + 1;
    expect(indentedParagraphStarts(block, 0, block.length, 70)).toEqual([second]);
  });

  it('need an indent of two to eight spaces, on a line with words', () => {
    for (const indent of [1, 9]) {
      const block = [para(2), flush, flush, para(indent), flush, flush].join('\n');
      expect(indentedParagraphStarts(block, 0, block.length, 70)).toEqual([]);
    }
    const eight = [para(2), flush, flush, para(8), flush, flush].join('\n');
    expect(indentedParagraphStarts(eight, 0, eight.length, 70)).toHaveLength(1);
    const blankIndent = [para(2), flush, flush, '    ', flush, flush].join('\n');
    expect(indentedParagraphStarts(blankIndent, 0, blankIndent.length, 70)).toEqual([]);
  });

  it('are left alone in unwrapped text, tables, and blocks that are not prose', () => {
    const block = [para(2), flush, flush, para(4), flush, flush].join('\n');
    expect(indentedParagraphStarts(block, 0, block.length, 0)).toEqual([]);
    const table = [para(2), flush, 'a   b', para(4), flush, flush].join('\n');
    expect(indentedParagraphStarts(table, 0, table.length, 70)).toEqual([]);
    // More indented lines than flush ones: verse or a list, not paragraphs.
    const indented = [para(2), para(4), para(4), flush].join('\n');
    expect(indentedParagraphStarts(indented, 0, indented.length, 70)).toEqual([]);
    // Flush lines much shorter than the prose's width.
    const short = [para(2), 'short line', 'short line', para(4), 'short', 'short'].join('\n');
    expect(indentedParagraphStarts(short, 0, short.length, 70)).toEqual([]);
    // Exactly as many flush lines as starts, at exactly 0.6 of the width: prose.
    const edge = ['x'.repeat(42), '  y'].join('\n');
    expect(indentedParagraphStarts(edge, 0, edge.length, 70)).toEqual([43]);
    const under = ['x'.repeat(41), '  y'].join('\n');
    expect(indentedParagraphStarts(under, 0, under.length, 70)).toEqual([]);
    // Many flush lines, each short: their length on average decides, not in all.
    const many = [para(2), 'x'.repeat(30), 'x'.repeat(30), '  y', 'x'.repeat(30)].join('\n');
    expect(indentedParagraphStarts(many, 0, many.length, 70)).toEqual([]);
  });

  it('are found within the block asked about, at offsets into the whole text', () => {
    const block = [para(2), flush, flush, para(4), flush, flush].join('\n');
    const before = 'Title\n\n';
    const text = `${before}${block}\n\n${para(4)}\n${flush}`;
    const second = before.length + block.indexOf('\n    ') + 1;
    expect(indentedParagraphStarts(text, before.length, before.length + block.length, 70)).toEqual([
      second,
    ]);
  });
});

describe('the width prose is wrapped at', () => {
  it('is the most common line length, to five, of lines between 40 and 100', () => {
    const lines = (length: number, count: number) => Array(count).fill('x'.repeat(length));
    expect(typicalWrapLength([...lines(72, 10), ...lines(60, 3)].join('\n'))).toBe(70);
    expect(typicalWrapLength(lines(73, 10).join('\n'))).toBe(75);
    expect(typicalWrapLength(lines(40, 10).join('\n'))).toBe(40);
    expect(typicalWrapLength(lines(100, 10).join('\n'))).toBe(100);
    expect(typicalWrapLength(lines(39, 10).join('\n'))).toBe(0);
    expect(typicalWrapLength(lines(101, 10).join('\n'))).toBe(0);
  });

  it('needs five such lines, and a quarter of them', () => {
    const lines = (length: number, count: number) => Array(count).fill('x'.repeat(length));
    expect(typicalWrapLength(lines(72, 5).join('\n'))).toBe(70);
    expect(typicalWrapLength(lines(72, 4).join('\n'))).toBe(0);
    const spread = [50, 60, 70, 80, 90].flatMap((length) => lines(length, 5));
    expect(typicalWrapLength(spread.join('\n'))).toBe(0); // 5 of 25 is a fifth
    const quarter = [...lines(72, 6), ...lines(50, 6), ...lines(60, 6), ...lines(80, 6)];
    expect(typicalWrapLength(quarter.join('\n'))).toBe(70); // 6 of 24, the first of equals
  });
});
