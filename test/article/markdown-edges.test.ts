// Markdown at its edges: blank lines between blocks, the order of marks, notes, tags over
// lines, titles with marks, front matter the YAML parser reads.
import {describe, expect, it} from 'vitest';
import {bylineOf, parseMarkdown, splitFrontMatter} from '../../source/article/markdown.js';

const blocksOf = (text: string) => {
  const article = parseMarkdown(text, 'f.md');
  return article.blocks.map((block) => article.text.slice(block.start, block.end));
};

describe('Markdown at its edges', () => {
  it('separates every block from the next by one blank line in the text', () => {
    const article = parseMarkdown('# T\n\nOne.\n\n> Two.\n\n- three\n\n```\nfour\n```', 'f.md');
    const {blocks, text} = article;
    for (let i = 0; i + 1 < blocks.length; i++) {
      expect(text.slice(blocks[i]!.end, blocks[i + 1]!.start)).toBe('\n\n');
    }
    expect(blocks[0]!.start).toBe(0);
    expect(blocks.at(-1)!.end).toBe(text.length);
  });

  it('orders marks by where they start, an outer one before the one it holds', () => {
    const article = parseMarkdown('# T\n\na *b **c** d* e', 'f.md');
    expect(
      article.markup!.map((span) => [span.kind, article.text.slice(span.start, span.end)]),
    ).toEqual([
      ['italic', 'b c d'],
      ['bold', 'c'],
    ]);
  });

  it('gives a link a note unless it shows its own address, or has none', () => {
    expect(blocksOf('# T\n\n[ https://a.example ](https://a.example) and [x]().')).toEqual([
      'T',
      ' https://a.example  and x.', // no note for either
    ]);
  });

  it('keeps an HTML tag over two lines on one', () => {
    expect(blocksOf('# T\n\nText <a\nhref="x">link</a> end.')).toEqual([
      'T',
      'Text <a href="x">link</a> end.',
    ]);
  });

  it('takes a title’s text from its words, marks and all', () => {
    expect(parseMarkdown('# A *marked*  `code` ![pic](p.png) title', 'f.md').title).toBe(
      'A marked code title',
    );
  });

  it('reads a date the YAML parser reads as a date, as the day it names', () => {
    // A quoted value sends the whole block to the parser, which reads the date as a Date.
    expect(splitFrontMatter('---\ndate: 2024-03-05\ntitle: "T"\n---\nBody').front).toEqual({
      date: '2024-03-05',
      title: 'T',
    });
    expect(splitFrontMatter('---\ntitle: "  Spaced\n  out  "\n---\nBody').front.title).toBe(
      'Spaced out',
    );
    expect(splitFrontMatter('---\ntitle: 2024\nauthor: "A"\n---\nBody').front.title).toBe('2024');
    expect(splitFrontMatter('---\ntitle: "Two  spaces\tand a tab"\n---\nBody').front.title).toBe(
      'Two spaces and a tab',
    );
    expect(splitFrontMatter('---\ntitle: ""\nauthor: "A"\n---\nBody').front).toEqual({author: 'A'});
  });

  it('keeps the body when the front matter cannot be read as YAML at all', () => {
    expect(splitFrontMatter('---\ntitle: *nowhere\n---\nBody')).toEqual({front: {}, body: 'Body'});
  });

  it('ignores front matter that is null, names no byline from nothing, and titles an untitled text', () => {
    expect(splitFrontMatter('---\nnull\n---\nBody')).toEqual({front: {}, body: 'Body'});
    expect(bylineOf({})).toBeUndefined();
    expect(parseMarkdown('Just text.').title).toBe('Untitled');
  });

  it('starts a code block at its first line with text, and marks nothing empty', () => {
    expect(blocksOf('# T\n\n```\n\nfoo\n```')).toEqual(['T', 'foo']);
    expect(parseMarkdown('# T\n\na *[](<>)* b', 'f.md').markup).toBeUndefined();
  });
});
