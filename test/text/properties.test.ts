// Property tests of the typesetting engine: over random text and over real books.
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {readFileSync} from 'node:fs';
import type {Article} from '../../source/article/article.js';
import {articleFromBytes} from '../../source/article/load.js';
import {parseText} from '../../source/article/parse-text.js';
import {sanitize} from '../../source/article/sanitize.js';
import {layout, lineText, type DisplayLine} from '../../source/text/layout.js';
import {paginate} from '../../source/text/paginate.js';
import {cellWidth} from '../../source/text/width.js';
import {openReader} from '../../source/reader/reader-reducer.js';

const pieces = [
  'word',
  'Korea’s',
  'don’t',
  'well-known',
  'and/or',
  'x',
  'supercalifragilisticexpialidocious',
  'Привет',
  'мир',
  '吾輩は猫である。',
  '名前はまだ無い、',
  '「引用」',
  '『本』',
  '世界',
  '👩‍👩‍👧',
  '👍🏽',
  '🇯🇵',
  'e\u0301',
  'n\u0303o',
  '“quoted”',
  '‘single’',
  '— dash —',
  '«guillemets»',
  '6′ 2″',
  '1,000.50',
  '(paren)',
  '[1]',
  '\u00a0',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n',
  '\n\n',
  '\t',
  '- item',
  '1. one',
  'Table      3.10    3.12',
  // An ideographic space (two cells) after an ordinary one, and an indent wider than a line.
  '\u3000',
  'あ \u3000い',
  `\n${' '.repeat(70)}}`,
  `\n${' '.repeat(30)}end`,
];
const articleText = fc
  .array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 120})
  .map((parts) => `Title\n\n${parts.join(' ')}`);

/** The text a reader should see, whitespace aside: every block but the title and byline (in the header). */
function visibleSource(article: Article): string {
  return article.blocks
    .filter((block) => block.kind !== 'title' && block.kind !== 'meta')
    .map((block) => article.text.slice(block.start, block.end))
    .join('')
    .replace(/\s/g, '');
}

function checkLines(article: Article, lines: DisplayLine[], width: number) {
  const shown = lines.map((line) => lineText(article.text, line));
  expect(shown.join('').replace(/\s/g, '')).toBe(visibleSource(article));
  lines.forEach((line, index) => {
    expect(cellWidth(shown[index]!)).toBeLessThanOrEqual(width);
    // Preformatted lines (tables, lists, verse) keep their indentation on purpose.
    if (line.kind !== 'preformatted') expect(shown[index]!.startsWith(' ')).toBe(false);
  });
}

/** Every offset of a non-space character in the reader's text (title and byline are in the header). */
function visibleOffsets(article: Article, step = 1): number[] {
  const offsets: number[] = [];
  for (const block of article.blocks) {
    if (block.kind === 'title' || block.kind === 'meta') continue;
    for (let i = block.start; i < block.end; i += step) {
      if (!/\s/.test(article.text[i]!)) offsets.push(i);
    }
  }
  return offsets;
}

function expectPageHolds(article: Article, columns: number, rows: number, offset: number) {
  const state = openReader(article, columns, rows, {anchor: offset});
  const shown = state.pages.linesOf(state.page);
  const holds = shown.some((line) => line.start <= offset && offset < line.end);
  if (!holds) throw new Error(`offset ${offset} not on its page at ${columns}×${rows}`);
}

describe('wrap and layout, over random text', () => {
  it('show every non-space character once, in order, within the width, no line led by a space', () => {
    fc.assert(
      fc.property(articleText, fc.integer({min: 2, max: 100}), (raw, width) => {
        const article = parseText(sanitize(raw));
        checkLines(article, layout(article, width), width);
      }),
      {numRuns: 400},
    );
  });

  it('cut the same pages lazily as from the finished layout', () => {
    fc.assert(
      fc.property(
        articleText,
        fc.integer({min: 20, max: 90}),
        fc.integer({min: 1, max: 30}),
        (raw, width, height) => {
          const article = parseText(sanitize(raw));
          const reader = openReader(article, width + 2, height + 4, {cap: width});
          const lazy = reader.pages;
          lazy.advance(Infinity);
          // (A terminal too small to read in is laid out as the smallest that is not.)
          expect(reader.geometry.height).toBe(Math.max(height, 2));
          const eager = paginate(layout(article, width), reader.geometry.height);
          expect(lazy.firstLine).toEqual(eager.firstLine);
        },
      ),
      {numRuns: 300},
    );
  });

  it('find the page that holds any offset at any size', () => {
    fc.assert(
      fc.property(
        articleText,
        fc.integer({min: 20, max: 200}),
        fc.integer({min: 6, max: 60}),
        fc.nat(),
        (raw, columns, rows, pick) => {
          const article = parseText(sanitize(raw));
          const offsets = visibleOffsets(article);
          if (offsets.length === 0) return;
          expectPageHolds(article, columns, rows, offsets[pick % offsets.length]!);
        },
      ),
      {numRuns: 400},
    );
  });
});

function loadFixture(path: string): Article {
  const result = articleFromBytes(readFileSync(new URL(path, import.meta.url)), 'fixture');
  if (result.kind !== 'article') throw new Error(`fixture refused: ${result.reason}`);
  return result.article;
}

describe('the page holding an offset, at every size from 20×6 to 200×60', () => {
  it('holds for a bundled article at every width and height', () => {
    const article = loadFixture('../../articles/the-harbour-inquiry.txt');
    const offsets = visibleOffsets(article, 53);
    for (let columns = 20; columns <= 200; columns++) {
      for (let rows = 6; rows <= 60; rows++) {
        for (const offset of offsets) expectPageHolds(article, columns, rows, offset);
      }
    }
  });
});

describe('real books', () => {
  const books = [
    '../fixtures/books/war-and-peace_pg2600.txt',
    '../fixtures/books/ulysses_pg4300.txt',
    '../fixtures/books/kafka-verwandlung_pg22367.txt',
    '../../articles/yoru-no-toshokan.txt',
    '../../articles/zimnyaya-biblioteka.txt',
  ];
  for (const book of books) {
    it(`sets ${book.split('/').pop()} within the width with nothing lost`, () => {
      const article = loadFixture(book);
      for (const width of book.includes('war-and-peace') ? [20, 72] : [20, 47, 72])
        checkLines(article, layout(article, width), width);
    });
  }

  it('finds the page holding random offsets of War and Peace at several sizes', () => {
    const article = loadFixture('../fixtures/books/war-and-peace_pg2600.txt');
    const offsets = visibleOffsets(article, 997);
    const sizes: Array<[number, number]> = [
      [20, 6],
      [80, 24],
      [133, 41],
      [200, 60],
    ];
    for (const [columns, rows] of sizes) {
      for (const offset of offsets.filter((_, i) => i % 40 === 0)) {
        expectPageHolds(article, columns, rows, offset);
      }
    }
  });
});
