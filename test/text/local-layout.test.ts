import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {readFileSync} from 'node:fs';
import {articleFromBytes} from '../../source/article/load.js';
import type {Article} from '../../source/article/article.js';
import {layout, lineIndexOf, linesSource} from '../../source/text/layout.js';
import {LocalLayout} from '../../source/text/local-layout.js';

function load(file: string, bytes = Infinity): Article {
  const result = articleFromBytes(readFileSync(file).subarray(0, bytes), 'test');
  if (result.kind !== 'article') throw new Error(result.reason);
  return result.article;
}

const articles = [
  load('articles/the-harbour-inquiry.txt'),
  load('articles/yoru-no-toshokan.txt'),
  load('articles/a-study-in-scarlet.txt'),
  load('test/fixtures/books/ulysses_pg4300.txt', 200_000),
];

describe('the local layout', () => {
  it('gives the very lines the layout from the top gives, from any offset', () => {
    for (const article of articles) {
      for (const width of [20, 37, 72]) {
        const lines = layout(article, width);
        const source = linesSource(lines);
        const local = new LocalLayout(article, width);
        fc.assert(
          fc.property(
            fc.nat(article.text.length),
            fc.integer({min: 1, max: 30}),
            fc.integer({min: -40, max: 40}),
            (offset, count, delta) => {
              const index = lineIndexOf(source, offset);
              expect(local.linesFrom(offset, count)).toEqual(lines.slice(index, index + count));
              const moved = Math.max(0, Math.min(lines.length - 1, index + delta));
              expect(local.offsetBy(offset, delta)).toBe(lines[moved]!.start);
            },
          ),
          {numRuns: 60},
        );
        for (const height of [1, 6, 20]) {
          const top = Math.max(0, lines.length - height);
          expect(local.lastScreen(height)).toBe(lines[top]!.start);
        }
      }
    }
  });

  it('has no lines for an article of a title alone, and says so without failing', () => {
    const result = articleFromBytes(Buffer.from('Only a title'), 'test');
    if (result.kind !== 'article') throw new Error(result.reason);
    const local = new LocalLayout(result.article, 40);
    expect(local.linesFrom(0, 5)).toEqual([]);
    expect(local.offsetBy(5, 3)).toBe(0);
    expect(local.lastScreen(10)).toBe(0);
  });
});
