import {describe, expect, it} from 'vitest';
import {parseText, countWords} from '../../source/article/parse-text.js';

describe('parseText', () => {
  it('takes the first non-empty line as the title', () => {
    const article = parseText('\n\n  The Title  \n\nFirst paragraph.\n');
    expect(article.title).toBe('The Title');
    expect(article.blocks.map((block) => block.kind)).toEqual(['title', 'paragraph']);
  });

  it('recognises a byline as metadata', () => {
    const article = parseText('Title\nBy Jane Doe, 12 March 2024\n\nBody text.');
    expect(article.meta).toBe('By Jane Doe, 12 March 2024');
    expect(article.blocks.map((block) => block.kind)).toEqual(['title', 'meta', 'paragraph']);
  });

  it('does not take a stray headline for a byline', () => {
    const article = parseText('Title\n\nMoscow to propose UN resolution\n\nBody.');
    expect(article.meta).toBeUndefined();
  });

  it('keeps block offsets into the text', () => {
    const text = 'Title\n\nOne two\nthree.\n\nFour.';
    const article = parseText(text);
    const [, first, second] = article.blocks;
    expect(text.slice(first!.start, first!.end)).toBe('One two\nthree.');
    expect(text.slice(second!.start, second!.end)).toBe('Four.');
  });

  it('keeps the lines of a table and of a list', () => {
    const table = 'Prices\n\nWheat      3.10    3.12\nCorn       2.01    2.05';
    expect(parseText(table).blocks[1]!.kind).toBe('preformatted');
    const list = 'Things\n\n- one thing\n- another thing\n- a third';
    expect(parseText(list).blocks[1]!.kind).toBe('preformatted');
  });

  it('counts words', () => {
    expect(countWords('  two words\nand three  ')).toBe(4);
    expect(parseText('Title here\n\nOne two three.').words).toBe(5);
  });
});
