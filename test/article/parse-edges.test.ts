// Plain text at its edges: kinds of space, blank lines before the first text, the title line
// split off, the byline at its length, the width read from the start only.
import {describe, expect, it} from 'vitest';
import {countWords, parseText, typicalWrapLength} from '../../source/article/parse-text.js';

const texts = (text: string) => {
  const article = parseText(text);
  return article.blocks.map((block) => [block.kind, article.text.slice(block.start, block.end)]);
};

describe('plain text at its edges', () => {
  it('counts words between spaces of every kind it reads', () => {
    expect(countWords('a\u00a0b\u3000c d\ne')).toBe(5);
    expect(countWords('  a  ')).toBe(1);
  });

  it('trims every kind of trailing space off a block, and skips blank lines before the first', () => {
    expect(texts(' \n\u3000\n\u00a0\nTitle\n\nText here.  \u00a0\u3000\n\nMore.')).toEqual([
      ['title', 'Title'],
      ['paragraph', 'Text here.'],
      ['paragraph', 'More.'],
    ]);
  });

  it('skips lines of whitespace the blank-line rule does not take (a tab) before the first text', () => {
    expect(texts('\t\n\u2003\nTitle\n\nBody.')).toEqual([
      ['title', 'Title'],
      ['paragraph', 'Body.'],
    ]);
  });

  it('keeps the indent of the first line that has text', () => {
    const article = parseText('\n  \n   Indented title\n\nBody.');
    expect(article.blocks[0]!.start).toBe(article.text.indexOf('   Indented'));
    expect(article.title).toBe('Indented title');
  });

  it('splits a title line off the paragraph it starts', () => {
    expect(texts('Title\nFirst line of the body,\nand its second.\n\nMore.')).toEqual([
      ['title', 'Title'],
      ['paragraph', 'First line of the body, and its second.'],
      ['paragraph', 'More.'],
    ]);
  });

  it('takes a byline of up to 120 characters on one line, and nothing after a title alone', () => {
    const byline = (length: number) => `By ${'x'.repeat(length - 3)}`;
    expect(parseText(`Title\n\n${byline(120)}\n\nBody.`).meta).toBe(byline(120));
    expect(parseText(`Title\n\n${byline(121)}\n\nBody.`).meta).toBeUndefined();
    expect(parseText('Title\n\nBy Ann\nand Ben\n\nBody.').meta).toBeUndefined();
    expect(parseText('Only a title').meta).toBeUndefined();
    expect(parseText('  \n ').title).toBe('Untitled');
  });

  it('makes no block of whitespace after the last blank line', () => {
    for (const end of ['\n\n', '\n\n  ', '\n \n\t']) {
      expect(texts(`Title\n\nBody.${end}`)).toEqual([
        ['title', 'Title'],
        ['paragraph', 'Body.'],
      ]);
    }
  });

  it('joins the lines of a paragraph in any script, one code unit or two', () => {
    const cyrillic = parseText('Заголовок\n\nПервая строка\nвторая строка.');
    expect(cyrillic.text).toBe('Заголовок\n\nПервая строка вторая строка.');
    const wide = parseText('Title\n\nA line with 😀\nand its next. «Ça»\nva.');
    expect(wide.text).toBe('Title\n\nA line with 😀 and its next. «Ça» va.');
  });

  it('reads the width prose is wrapped at from the start of the text only', () => {
    const start = 'x\n'.repeat(40_000);
    const wrapped = `${'y'.repeat(72)}\n`.repeat(100);
    expect(typicalWrapLength(start + wrapped)).toBe(0);
    expect(typicalWrapLength(wrapped + start)).toBe(70);
  });
});
