import React from 'react';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import chalk from 'chalk';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {App, createStore} from '../../source/app.js';
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
    const store = createStore(library, {
      loadArticle: () => ({kind: 'article', article}),
      columns,
      rows,
      openIndex: 0,
    });
    const app = render(<App store={store} />);
    Object.defineProperty(app.stdout, 'columns', {value: columns, configurable: true});
    Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
    app.stdout.emit('resize');
    const waitFor = async (check: (frame: string) => boolean) => {
      for (let i = 0; i < 400; i++) {
        if (check(app.lastFrame() ?? '')) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error(`frame never matched:\n${app.lastFrame()}`);
    };
    await waitFor(
      (frame) =>
        frame.includes('page 1/') &&
        store.getState().columns === columns &&
        store.getState().rows === rows,
    );
    let page = 0;
    for (const target of pages) {
      while (page < target.page) {
        store.feed(' ');
        page++;
        await waitFor((frame) => stripAnsi(frame).includes(`page ${page + 1}/`));
      }
      const rows = (app.lastFrame() ?? '').split('\n');
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
