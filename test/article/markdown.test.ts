import {describe, expect, it, vi} from 'vitest';
import fc from 'fast-check';
import {parse as parseYaml} from 'yaml';
import {bylineOf, parseMarkdown, splitFrontMatter} from '../../source/article/markdown.js';
import {plainText} from '../../source/text/layout.js';
import {findQuotations} from '../../source/text/quotes.js';

const story = `---
title: "The Harbour at Dawn"
author: Jane Doe
date: 2024-03-05
source: The Example
---

Some *emphasis*, **strong** words and \`code\`, with [a link](https://example.com/a).
A soft line break.

> A quoted paragraph, set off with a bar.

- first item
- second item

3. third
4. fourth

\`\`\`
  indented code
second line
\`\`\`

## A section

“We are not here to find a villain,” she said.
`;

/** Each mark's kind and the text it covers, in the article's order. */
const marksOf = (text: string) => {
  const article = parseMarkdown(text, 'f.md');
  return article.markup?.map((span) => [span.kind, article.text.slice(span.start, span.end)]);
};

const blockTexts = (text: string) => {
  const article = parseMarkdown(text, 'story.md');
  return article.blocks.map((block) => [block.kind, article.text.slice(block.start, block.end)]);
};

describe('Markdown articles', () => {
  it('set every block as the reader shows it, at offsets into the article text', () => {
    expect(blockTexts(story)).toEqual([
      ['title', 'The Harbour at Dawn'],
      ['meta', 'Jane Doe · The Example · 2024-03-05'],
      ['paragraph', 'Some emphasis, strong words and code, with a link[1]. A soft line break.'],
      ['quote', 'A quoted paragraph, set off with a bar.'],
      ['paragraph', '• first item'],
      ['paragraph', '• second item'],
      ['paragraph', '3. third'],
      ['paragraph', '4. fourth'],
      ['preformatted', '  indented code\nsecond line'],
      ['heading', 'A section'],
      ['paragraph', '“We are not here to find a villain,” she said.'],
      ['heading', 'Notes'],
      ['paragraph', '[1] https://example.com/a'],
    ]);
  });

  it('keeps emphasis, strong and code as spans over the text', () => {
    expect(marksOf(story)).toEqual([
      ['italic', 'emphasis'],
      ['bold', 'strong'],
      ['code', 'code'],
    ]);
  });

  it('finds quotations in it as in plain text, and lays block quotes out behind a bar', () => {
    const article = parseMarkdown(story, 'story.md');
    const quotes = findQuotations(article).map((q) => article.text.slice(q.start, q.end));
    expect(quotes).toEqual(['“We are not here to find a villain,”']);
    const page = plainText(article, 24).split('\n');
    // The bar takes two cells of the 24: the quote is wrapped at 22.
    expect(page).toContain('│ A quoted paragraph,');
    expect(page).toContain('│ set off with a bar.');
    expect(Math.max(...page.map((line) => [...line].length))).toBeLessThanOrEqual(24);
  });

  it('takes the title from a first-level heading that opens it, else the file name', () => {
    expect(parseMarkdown('# Opening\n\nText.', 'f.md').title).toBe('Opening');
    expect(blockTexts('# Opening\n\nText.')).toEqual([
      ['title', 'Opening'],
      ['paragraph', 'Text.'],
    ]);
    expect(parseMarkdown('Just text.', 'f.md').title).toBe('f.md');
    expect(parseMarkdown('', 'f.md').title).toBe('f.md');
  });
});

describe('every other kind of CommonMark', () => {
  const doc = [
    '# Title',
    '',
    'A hard  ',
    'break, `a',
    'b` code, ![alt text](i.png), ![](j.png), ![alt ref][r], [a reference][r], <span>inline',
    'html</span>, <https://example.com/x>, <me@example.com>, [same](https://same.org) and',
    '[https://same.org](https://same.org).',
    '',
    '[r]: https://ref.example',
    '',
    '***',
    '',
    '<div>',
    'block html',
    '</div>',
    '',
    '> Quoted.',
    '>',
    '> - listed in a quote',
    '',
    '7. seven',
    '8. eight',
    '',
    '- ',
    '- item with',
    '',
    '  two paragraphs',
  ].join('\n');

  it('sets each as the reader shows it', () => {
    expect(blockTexts(doc)).toEqual([
      ['title', 'Title'],
      [
        'paragraph',
        'A hard break, a b code, [image: alt text], [image], [image: alt ref], a reference, ' +
          '<span>inline html</span>, https://example.com/x, me@example.com, same[1] and ' +
          'https://same.org.',
      ],
      ['preformatted', '* * *'],
      ['preformatted', '<div>\nblock html\n</div>'],
      ['quote', 'Quoted.'],
      ['paragraph', '• listed in a quote'],
      ['paragraph', '7. seven'],
      ['paragraph', '8. eight'],
      ['paragraph', '•'],
      ['paragraph', '• item with'],
      ['paragraph', 'two paragraphs'],
      ['heading', 'Notes'],
      ['paragraph', '[1] https://same.org'],
    ]);
    const article = parseMarkdown(doc, 'f.md');
    expect(article.markup!.map((span) => article.text.slice(span.start, span.end))).toEqual([
      'a b',
    ]);
    // Words are counted block by block, numbers included; a bullet is no word to read.
    expect(article.blocks.map((block) => block.words)).toEqual([
      1, 22, 3, 4, 1, 4, 2, 2, 0, 2, 2, 1, 2,
    ]);
    expect(article.words).toBe(46);
  });

  it('keeps an empty block out, and spans in the order they start (inner first at one start)', () => {
    expect(blockTexts('# T\n\nText.\n\n##\n\nMore.')).toEqual([
      ['title', 'T'],
      ['paragraph', 'Text.'],
      ['paragraph', 'More.'],
    ]);
    expect(marksOf('# T\n\n***both* then** `x`')).toEqual([
      ['italic', 'both'],
      ['bold', 'both then'],
      ['code', 'x'],
    ]);
    expect(parseMarkdown('# T\n\nNo marks.', 'f.md').markup).toBeUndefined();
  });

  it('takes the front matter’s title over a different opening heading, which stays', () => {
    expect(blockTexts('---\ntitle: Front\n---\n# Heading\n\nText.')).toEqual([
      ['title', 'Front'],
      ['heading', 'Heading'],
      ['paragraph', 'Text.'],
    ]);
    expect(blockTexts('---\ntitle: Same\n---\n# Same\n\nText.')).toEqual([
      ['title', 'Same'],
      ['paragraph', 'Text.'],
    ]);
    expect(blockTexts('## Second level\n\nText.')[0]).toEqual(['title', 'story.md']);
    expect(blockTexts('#\n\nText.')).toEqual([
      ['title', 'story.md'],
      ['paragraph', 'Text.'],
    ]);
  });
});

/** The text of each block, kinds left out. */
const blocksOf = (text: string) => blockTexts(text).map(([, blockText]) => blockText);

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
    expect(marksOf('# T\n\na *b **c** d* e')).toEqual([
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

  it('refuses front matter that repeats an alias past ten times (a YAML bomb), keeping the body', () => {
    const aliases = Array.from({length: 20}, () => '*a').join(', ');
    expect(splitFrontMatter(`---\na: &a x\nlist: [${aliases}]\ntitle: T\n---\nBody`)).toEqual({
      front: {},
      body: 'Body',
    });
  });

  it('reads a tag it does not know without a warning, which would be written over the screen', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      expect(splitFrontMatter('---\ntitle: !foo bar\n---\nBody').front).toEqual({title: 'bar'});
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('knows an opening heading with an image before its words for the front matter’s title', () => {
    expect(blockTexts('---\ntitle: Same\n---\n# ![logo](l.png) Same\n\nText.')).toEqual([
      ['title', 'Same'],
      ['paragraph', 'Text.'],
    ]);
  });

  it('makes no block of a code block holding blank lines only', () => {
    expect(blocksOf('# T\n\n```\n\n\n```\n\nAfter.')).toEqual(['T', 'After.']);
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

describe('front matter', () => {
  it('reads title, author, date and source as plain data', () => {
    const {front, body} = splitFrontMatter('---\ntitle: T\nauthor: A\nextra: [1, 2]\n---\nBody');
    expect(front).toEqual({title: 'T', author: 'A'});
    expect(body).toBe('Body');
    expect(bylineOf({author: 'A', date: '2024'})).toBe('A · 2024');
  });

  it('never runs code: YAML tags that construct objects are not evaluated, ---js is not front matter', () => {
    const tagged = splitFrontMatter(
      '---\ntitle: !!js/function "function () { globalThis.ran = 1 }"\n---\nBody',
    );
    expect((globalThis as {ran?: number}).ran).toBeUndefined();
    // At most the tag's text, as a string: nothing was built from it.
    expect(typeof (tagged.front.title ?? '')).toBe('string');
    const js = splitFrontMatter('---js\n{ title: (globalThis.ran = 2) }\n---\nBody');
    expect(js.front).toEqual({});
    expect((globalThis as {ran?: number}).ran).toBeUndefined();
  });

  it('ignores front matter that is not a mapping, or not YAML, and keeps the body', () => {
    expect(splitFrontMatter('---\n- a\n- b\n---\nBody')).toEqual({front: {}, body: 'Body'});
    expect(splitFrontMatter('---\ntitle: [unclosed\n---\nBody')).toEqual({front: {}, body: 'Body'});
    expect(splitFrontMatter('No front matter')).toEqual({front: {}, body: 'No front matter'});
  });
});

describe('plain front matter, read without the YAML parser', () => {
  it('gives what the YAML parser gives', () => {
    const cases = [
      'title: The Harbour at Dawn\nauthor: Jane Doe\nsource: The Example',
      'title: "Quoted: title"\nauthor: A',
      'title: Plain # a comment',
      'title: 2024\ndate: 2024-03-05',
      'date: 2024-03-05\nauthor: Ann',
      'title: 1.50',
      'title: x\nlist: [a, b]',
      'title: >\n  folded\n  text',
      "title: It's fine\nauthor: O'Brien",
    ];
    for (const yaml of cases) {
      const fast = splitFrontMatter(`---\n${yaml}\n---\nBody`).front;
      // The same through the parser: a tag in front of the block sends it there.
      const parsed = splitFrontMatter(`---\n${yaml}\nzz: "forced"\n---\nBody`).front;
      expect(fast).toEqual(parsed);
    }
  });

  it('gives what the YAML parser gives, for any lines of keys and values', () => {
    // What the parser alone reads: the same keys, values that are strings or numbers.
    const byParser = (source: string) => {
      let data: unknown;
      try {
        data = parseYaml(source, {schema: 'core', logLevel: 'silent'});
      } catch {
        return {};
      }
      const front: Record<string, string> = {};
      if (!data || typeof data !== 'object' || Array.isArray(data)) return front;
      for (const key of ['title', 'author', 'date', 'source']) {
        const value = (data as Record<string, unknown>)[key];
        if (typeof value !== 'string' && typeof value !== 'number') continue;
        const line = String(value).replace(/\s+/g, ' ').trim();
        if (line) front[key] = line;
      }
      return front;
    };
    const piece = fc.constantFrom(
      'a',
      'Z',
      '_',
      '-',
      '1',
      '2024',
      '-03',
      '.5',
      ' ',
      '\t',
      ':',
      ': ',
      '#',
      ' #',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      '>',
      '|',
      '&',
      '*',
      '!',
      '%',
      '@',
      '`',
      ',',
      '?',
      '~',
      'true',
      'null',
      'é',
      'x y',
      '2024-03-05',
    );
    const key = fc.constantFrom(
      'title',
      'author',
      'date',
      'source',
      'x-y',
      '_k',
      '1',
      '#',
      '-',
      '?',
    );
    const line = fc.oneof(
      fc.constantFrom('', ' ', '\t'),
      fc
        .tuple(
          fc.constantFrom('', ' ', '  ', '- '),
          key,
          fc.constantFrom(':', ': ', ':\t', ':  ', ' : '),
          fc.array(piece, {maxLength: 4}),
          fc.constantFrom('', ' ', '\t', ' # note'),
        )
        .map(([indent, name, colon, value, end]) => indent + name + colon + value.join('') + end),
    );
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 4}), (lines) => {
        const source = lines.join('\n');
        expect(splitFrontMatter(`---\n${source}\n---\nBody`).front).toEqual(byParser(source));
      }),
      {numRuns: 3000, seed: 12},
    );
  });
});

describe('GitHub tables and strikethrough in Markdown', () => {
  it('sets a table line for line, its cells trimmed and lined up, a rule under its header', () => {
    const text = [
      '# Prices',
      '',
      '| Fruit | Price |  Note |',
      '| --- | ---: | --- |',
      '|  Apple  | 1 | `fresh` ![a pear](p.png) |',
      '| Banana split | 12 |',
      '',
      'After ~~the~~ table.',
    ].join('\n');
    expect(plainText(parseMarkdown(text), 80)).toBe(
      [
        'Prices',
        '',
        'Fruit        │ Price │ Note',
        '─────────────┼───────┼──────────────────────',
        'Apple        │ 1     │ fresh [image: a pear]',
        'Banana split │ 12    │',
        '',
        'After the table.',
      ].join('\n'),
    );
    const article = parseMarkdown(text);
    expect(article.blocks.map((block) => block.kind)).toEqual([
      'title',
      'preformatted',
      'paragraph',
    ]);
  });

  it('writes a table of one row, and a cell of nothing but an image', () => {
    expect(plainText(parseMarkdown('| ![](x.png) | b |\n| - | - |'), 80)).toBe(
      'Untitled\n\n[image] │ b',
    );
  });
});
