import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import chalk from 'chalk';
import stripAnsi from 'strip-ansi';
import {renderApp} from '../app/harness.js';
import {parseText} from '../../source/article/parse-text.js';
import {openReader, readerReducer} from '../../source/reader/reader-reducer.js';
import {findQuotations} from '../../source/text/quotes.js';
import type {Library} from '../../source/library/library.js';

// The frames carry their colours here (chalk writes none to a stream that is not a terminal).
let level: typeof chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

const text = readFileSync(
  new URL('../../articles/the-harbour-inquiry.txt', import.meta.url),
  'utf8',
);
const article = parseText(text);
const library: Library = {
  kind: 'folder',
  folder: '/lib',
  entries: [{path: '/lib/harbour.txt', fileName: 'harbour.txt', title: article.title}],
};
// The dark theme's quotation colours, outermost first: yellow, then cyan.
const QUOTE_COLOUR = ['\u001B[33m', '\u001B[36m'];

/** Pages whose first line starts inside a quotation that began on the page before. */
function pagesOpeningInsideQuotation(columns: number, rows: number) {
  let state = openReader(article, columns, rows);
  state.pages.advance(Infinity);
  const found: Array<{page: number; text: string; level: number}> = [];
  for (let page = 1; page < state.pages.count; page++) {
    state = readerReducer(state, {type: 'nextPage'});
    const top = state.pages.linesOf(state.page)[0]!;
    const open = findQuotations(article)
      .filter((q) => q.start < top.start && top.start < q.end)
      .at(-1);
    if (open) {
      found.push({page, text: article.text.slice(top.start, top.end).trim(), level: open.level});
    }
  }
  return found;
}

describe('the reading view highlights quotations', () => {
  it('colours the top of a page inside a quotation that began on the page before', async () => {
    const [columns, rows] = [60, 14];
    const pages = pagesOpeningInsideQuotation(columns, rows);
    expect(pages.length).toBeGreaterThan(0);
    const app = renderApp(library, () => ({kind: 'article', article}), {
      openIndex: 0,
      columns,
      rows,
    });
    await app.ready();
    await app.waitFor((frame) => frame.includes('page 1/'));
    let page = 0;
    for (const target of pages) {
      while (page < target.page) {
        page++;
        await app.press(' ', (frame) => stripAnsi(frame).includes(`page ${page + 1}/`));
      }
      const rows = app.frame().split('\n');
      const index = rows.findIndex((row) =>
        stripAnsi(row).trimStart().startsWith(target.text.slice(0, 15)),
      );
      expect(index, `page ${page + 1} shows ${JSON.stringify(target.text)}`).toBeGreaterThan(0);
      // What is written before the line's first letter: spaces, and the quotation's colour.
      const row = rows[index]!;
      const lead = /^(?:\s|\u001B\[[\d;]*m)*/.exec(row)![0];
      expect(lead, `page ${page + 1}: ${JSON.stringify(row)}`).toContain(
        QUOTE_COLOUR[(target.level - 1) % 2],
      );
    }
    app.unmount();
  });
});
