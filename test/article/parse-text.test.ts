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

describe('indented paragraphs without blank lines (wire copy)', () => {
  const wire = [
    'TOWER REPORT DIMINISHES HOPES',
    '    By Michael Gelb, Reuters',
    '    WASHINGTON, Feb 26 - The Tower Commission report, which',
    'says President Reagan was ignorant about much of the Iran arms',
    'deal, just about ends his prospects of regaining political',
    'dominance in Washington, political analysts said.',
    '    "This is certification of incompetence," private political',
    'analyst Stephen Hess told Reuters in commenting on the Tower',
    'report made public today.',
  ].join('\n');

  it('starts a paragraph at each indented line and takes the byline as metadata', () => {
    const article = parseText(
      `${wire}\n\n${'Filler prose line that is long enough to set the wrap width. '.repeat(3).trim()}`,
    );
    expect(article.meta).toBe('By Michael Gelb, Reuters');
    const paragraphs = article.blocks.filter((block) => block.kind === 'paragraph');
    expect(article.text.slice(paragraphs[0]!.start, paragraphs[0]!.end).trim()).toMatch(
      /^WASHINGTON.*analysts said\.$/,
    );
    expect(article.text.slice(paragraphs[1]!.start, paragraphs[1]!.end).trim()).toMatch(
      /^"This is.*today\.$/,
    );
  });

  it('leaves a table with indented rows whole', () => {
    const table =
      'Prices\n\n    Reported as follows -\n Wheat   2.55   2.40\n         Natl   Loan\n Corn    1.35   1.92';
    const article = parseText(table);
    expect(article.blocks.map((block) => block.kind)).toEqual(['title', 'preformatted']);
  });
});
